/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written specific record that is deliberately never registered with Avro's
 * ClassSecurityValidator, to check the error the deserializer gives for untrusted classes.
 */
public class UntrustedBulletin extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "UntrustedBulletin", "namespace": "io.newsflow.serde", "fields": [
              {"name": "text", "type": "string"}
            ]}""");

    private CharSequence text;

    public UntrustedBulletin() {
    }

    public UntrustedBulletin(CharSequence text) {
        this.text = text;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        if (field != 0) {
            throw new IndexOutOfBoundsException(field);
        }
        return text;
    }

    @Override
    public void put(int field, Object value) {
        if (field != 0) {
            throw new IndexOutOfBoundsException(field);
        }
        text = (CharSequence) value;
    }
}
