/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.avro.Schema;

/**
 * One subject per record type, whatever the topic: the schema's full name, e.g.
 * {@code io.newsflow.model.RawArticle}. Lets one topic carry several record types.
 */
public class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return recordName(schema);
    }

    static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("Record name strategies need a record schema, got "
                    + schema.getType() + "; use TopicNameStrategy for primitives");
        }
        return schema.getFullName();
    }
}
