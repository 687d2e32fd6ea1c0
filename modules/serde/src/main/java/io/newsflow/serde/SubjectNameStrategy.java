/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.avro.Schema;

/**
 * Chooses the registry subject a key or value schema is registered and looked up under.
 * Implementations need a public no-argument constructor so that they can be named in config.
 */
public interface SubjectNameStrategy {

    /**
     * @param topic  the topic being written or read; may be null outside a topic context
     * @param isKey  whether the schema is for the record key
     * @param schema the schema being serialized
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
