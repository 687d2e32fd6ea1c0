/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;

/**
 * The serializer's bytes equal bytes worked out by hand from the wire-format and Avro binary
 * specifications, and the deserializer reads those hand-made bytes back.
 */
class WireFormatVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void trustModel() {
        TrustedModelClasses.register();
    }

    @Test
    void rawArticleMatchesHandEncodedBytes() {
        RawArticle article = RawArticle.newBuilder()
                .setId("a1").setUrl(null).setSource("wire").setTitle(null).setBody("Hi")
                .setContentType("text/plain").setLanguage("en").setPublishedAt(null)
                .setFetchedAt(Instant.ofEpochMilli(1000)).setHeaders(Map.of("k", "v"))
                .build();
        String expected = ""
                + "00" + "01020304"             // magic byte, schema id 0x01020304 big-endian
                + "04" + "6131"                 // id: length 2 (zig-zag 4), "a1"
                + "00"                          // url: union branch 0 (null)
                + "02" + "08" + "77697265"      // source: branch 1, length 4, "wire"
                + "00"                          // title: null
                + "04" + "4869"                 // body: "Hi"
                + "14" + "746578742f706c61696e" // contentType: length 10 (zig-zag 20), "text/plain"
                + "02" + "04" + "656e"          // language: branch 1, "en"
                + "00"                          // publishedAt: null
                + "02" + "d00f"                 // fetchedAt: branch 1, long 1000 -> zig-zag 2000 -> varint d0 0f
                + "02" + "026b" + "0276" + "00"; // headers: block of 1, "k" -> "v", end of map

        FixedIdRegistry registry = new FixedIdRegistry(0x01020304);
        byte[] bytes = new KafkaAvroSerializer(registry).serialize("news.raw", article);

        assertThat(HEX.formatHex(bytes)).isEqualTo(expected);
        SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>(registry);
        deserializer.configure(Map.of(), false);
        assertThat(deserializer.deserialize("news.raw", HEX.parseHex(expected))).isEqualTo(article);
    }

    @Test
    void genericRecordMatchesHandEncodedBytes() {
        GenericRecord headline = SampleArticles.headline("Hi", -3, 1.0, "a", "b");
        String expected = ""
                + "00" + "00000102"             // magic byte, schema id 258
                + "04" + "4869"                 // title: "Hi"
                + "05"                          // words: -3 -> zig-zag 5
                + "02" + "000000000000f03f"     // score: branch 1, IEEE-754 1.0 little-endian
                + "04" + "0261" + "0262" + "00"; // tags: block of 2, "a", "b", end of array

        FixedIdRegistry registry = new FixedIdRegistry(258);
        byte[] bytes = new KafkaAvroSerializer(registry).serialize("news.headlines", headline);

        assertThat(HEX.formatHex(bytes)).isEqualTo(expected);
        Object read = new KafkaAvroDeserializer(registry).deserialize("news.headlines", HEX.parseHex(expected));
        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(read.toString()).isEqualTo(headline.toString());
    }

    @Test
    void primitiveStringIsFramedAvroString() {
        FixedIdRegistry registry = new FixedIdRegistry(7);
        byte[] bytes = new KafkaAvroSerializer(registry).serialize("news.keys", "Hi");

        assertThat(HEX.formatHex(bytes)).isEqualTo("00" + "00000007" + "04" + "4869");
        assertThat(new KafkaAvroDeserializer(registry).deserialize("news.keys", bytes)).isEqualTo("Hi");
    }

    @Test
    void byteArraysAreWrittenRawAfterTheHeaderAsConfluentDoes() {
        FixedIdRegistry registry = new FixedIdRegistry(9);
        byte[] bytes = new KafkaAvroSerializer(registry).serialize("news.blobs", new byte[] {1, 2, 3});

        assertThat(HEX.formatHex(bytes)).isEqualTo("00" + "00000009" + "010203");
        assertThat((byte[]) new KafkaAvroDeserializer(registry).deserialize("news.blobs", bytes))
                .containsExactly(1, 2, 3);
    }
}
