/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryTest {

    @Test
    void temporaryDirectoryIsDeletedWithItsSegments() throws Exception {
        LogDirectory dir = LogDirectory.temporary();
        Path partition = Files.createDirectories(dir.path().resolve("articles-raw-0"));
        Files.writeString(partition.resolve("00000000000000000000.log"), "segment bytes");

        dir.deleteIfOwned();

        assertThat(dir.path()).doesNotExist();
    }

    @Test
    void namedDirectoryIsKept(@TempDir Path parent) throws Exception {
        LogDirectory dir = LogDirectory.kept(parent.resolve("dev-data"));
        Files.writeString(dir.path().resolve("meta.properties"), "node.id=1\n");

        dir.deleteIfOwned();

        assertThat(dir.path().resolve("meta.properties")).exists();
        assertThat(dir.isFormatted()).isTrue();
    }

    @Test
    void freshDirectoryIsNotFormatted() {
        LogDirectory dir = LogDirectory.temporary();
        try {
            assertThat(dir.isFormatted()).isFalse();
        } finally {
            dir.deleteIfOwned();
        }
    }
}
