/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** Parses schema text the way the registry accepts it: one self-contained Avro schema, defaults validated. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: the schema is empty");
        }
        try {
            // A fresh parser each time: parsers remember named types, which would leak between requests.
            return new Schema.Parser().setValidateDefaults(true).parse(text);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        }
    }
}
