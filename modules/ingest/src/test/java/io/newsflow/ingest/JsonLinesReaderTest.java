package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    private static List<JsonLinesReader.Line> readAll(String text, int max) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<JsonLinesReader.Line> lines = new ArrayList<>();
        JsonLinesReader.Line line;
        while ((line = reader.next()) != null) {
            lines.add(line);
        }
        assertThat(reader.bytesRead()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        return lines;
    }

    @Test
    void splitsOnNewlinesAndKeepsAFinalLineWithoutOne() throws IOException {
        List<JsonLinesReader.Line> lines = readAll("one\r\ntwo\n\nthree", 100);
        assertThat(lines).extracting(l -> new String(l.bytes(), StandardCharsets.UTF_8))
                .containsExactly("one", "two", "", "three");
        assertThat(lines).extracting(JsonLinesReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void cutsLinesOverTheLimitButKeepsCountingTheirLength() throws IOException {
        String longLine = "y".repeat(200_000);
        List<JsonLinesReader.Line> lines = readAll("short\n" + longLine + "\nafter\n", 1_000);
        assertThat(lines.get(1).cut()).isTrue();
        assertThat(lines.get(1).bytes()).hasSize(1_000);
        assertThat(lines.get(1).length()).isEqualTo(200_000);
        assertThat(new String(lines.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("after");
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(readAll("", 10)).isEmpty();
    }
}
