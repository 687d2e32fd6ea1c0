/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry;

/** Small Avro schemas of a news headline, written for these tests, in the shapes evolution tests need. */
final class HeadlineSchemas {

    /** Version 1: a headline with a url and a title. */
    static final String V1 = """
            {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
              {"name":"url","type":"string"},
              {"name":"title","type":"string"}]}""";

    /** Version 2: adds an optional section, so consumers on v2 can still read v1 data. */
    static final String V2_OPTIONAL_SECTION = """
            {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
              {"name":"url","type":"string"},
              {"name":"title","type":"string"},
              {"name":"section","type":["null","string"],"default":null}]}""";

    /** Adds a required word count without a default: v2 readers cannot read v1 data. */
    static final String REQUIRED_WORD_COUNT = """
            {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
              {"name":"url","type":"string"},
              {"name":"title","type":"string"},
              {"name":"wordCount","type":"int"}]}""";

    /** Changes the title from a string to an int. */
    static final String TITLE_AS_INT = """
            {"type":"record","name":"Headline","namespace":"io.newsflow.test","fields":[
              {"name":"url","type":"string"},
              {"name":"title","type":"int"}]}""";

    /** An unrelated schema, for tests that need a second id. */
    static final String FEED = """
            {"type":"record","name":"Feed","namespace":"io.newsflow.test","fields":[
              {"name":"name","type":"string"}]}""";

    private HeadlineSchemas() {
    }
}
