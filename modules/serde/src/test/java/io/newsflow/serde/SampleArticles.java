/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import java.time.Instant;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.newsflow.model.RawArticle;

/** Articles and small schemas written for these tests. */
final class SampleArticles {

    /** A headline record: string, int, optional double, string array. */
    static final Schema HEADLINE = new Schema.Parser().parse("""
            {"type": "record", "name": "Headline", "namespace": "io.newsflow.test", "fields": [
              {"name": "title", "type": "string"},
              {"name": "words", "type": "int"},
              {"name": "score", "type": ["null", "double"], "default": null},
              {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []}
            ]}""");

    /** The same headline with a new optional field: a backward-compatible next version. */
    static final Schema HEADLINE_V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "Headline", "namespace": "io.newsflow.test", "fields": [
              {"name": "title", "type": "string"},
              {"name": "words", "type": "int"},
              {"name": "score", "type": ["null", "double"], "default": null},
              {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
              {"name": "section", "type": ["null", "string"], "default": null}
            ]}""");

    /** RawArticle as a first version might have been: no language, no headers. */
    static final Schema RAW_ARTICLE_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "RawArticle", "namespace": "io.newsflow.model", "fields": [
              {"name": "id", "type": "string"},
              {"name": "url", "type": ["null", "string"], "default": null},
              {"name": "source", "type": ["null", "string"], "default": null},
              {"name": "title", "type": ["null", "string"], "default": null},
              {"name": "body", "type": "string"},
              {"name": "contentType", "type": "string", "default": "text/plain"},
              {"name": "publishedAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
              {"name": "fetchedAt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null}
            ]}""");

    private SampleArticles() {
    }

    static RawArticle harbourArticle() {
        return RawArticle.newBuilder()
                .setId("harbour-2026-11-25")
                .setUrl("https://example-news.test/harbour?utm_source=feed")
                .setSource("example-news.test")
                .setTitle("Harbour ferry returns after repairs")
                .setBody("<p>The ferry resumed its crossing on Tuesday morning, the port authority said.</p>")
                .setContentType("text/html")
                .setLanguage("en")
                .setPublishedAt(Instant.ofEpochMilli(1_764_057_600_000L))
                .setFetchedAt(Instant.ofEpochMilli(1_764_057_660_000L))
                .setHeaders(Map.of("feed", "https://example-news.test/rss", "author", "R. Ortega"))
                .build();
    }

    static GenericRecord headline(String title, int words, Double score, String... tags) {
        GenericRecord record = new GenericData.Record(HEADLINE);
        record.put("title", title);
        record.put("words", words);
        record.put("score", score);
        record.put("tags", java.util.List.of(tags));
        return record;
    }
}
