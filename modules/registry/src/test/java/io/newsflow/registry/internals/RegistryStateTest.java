/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.registry.internals;

import io.newsflow.registry.CompatibilityLevel;
import io.newsflow.registry.internals.SchemaLogRecord.CompatibilityConfig;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersion;
import io.newsflow.registry.internals.SchemaLogRecord.SchemaVersionPurged;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the state settles races between registry instances and follows deletes and config changes. */
class RegistryStateTest {

    private static final String BYLINE = "{\"type\":\"record\",\"name\":\"Byline\",\"fields\":[{\"name\":\"author\",\"type\":\"string\"}]}";
    private static final String SECTION = "{\"type\":\"record\",\"name\":\"Section\",\"fields\":[{\"name\":\"label\",\"type\":\"string\"}]}";

    private final RegistryState state = new RegistryState();

    @Test
    void theFirstRecordForAnIdWinsOverALaterDifferentSchema() {
        boolean first = state.apply(new SchemaVersion("bylines", 1, 1, BYLINE, false));
        boolean racing = state.apply(new SchemaVersion("sections", 1, 1, SECTION, false));

        assertThat(first).isTrue();
        assertThat(racing).isFalse();
        assertThat(state.schemaById(1).orElseThrow().text()).isEqualTo(BYLINE);
        assertThat(state.versions("sections", true)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("bylines");
    }

    @Test
    void theFirstRecordForASubjectVersionWinsOverALaterDifferentId() {
        state.apply(new SchemaVersion("bylines", 1, 1, BYLINE, false));

        boolean racing = state.apply(new SchemaVersion("bylines", 1, 2, SECTION, false));

        assertThat(racing).isFalse();
        assertThat(state.versions("bylines", true)).extracting(SchemaVersion::id).containsExactly(1);
        assertThat(state.schemaById(2)).isEmpty();
        assertThat(state.maxId()).isEqualTo(1);
    }

    @Test
    void theSameSchemaUnderTwoSubjectsSharesOneId() {
        state.apply(new SchemaVersion("bylines", 1, 1, BYLINE, false));
        state.apply(new SchemaVersion("authors", 1, 1, BYLINE, false));

        assertThat(state.idOf(new Schema.Parser().parse(BYLINE))).contains(1);
        assertThat(state.versionsOfId(1, false)).extracting(SchemaVersion::subject)
                .containsExactly("authors", "bylines");
    }

    @Test
    void softDeleteHidesAVersionAndPurgeForgetsAnUnusedSchema() {
        SchemaVersion v1 = new SchemaVersion("bylines", 1, 1, BYLINE, false);
        state.apply(v1);

        state.apply(v1.softDeleted());
        assertThat(state.versions("bylines", false)).isEmpty();
        assertThat(state.versions("bylines", true)).hasSize(1);
        assertThat(state.schemaById(1)).isPresent();

        state.apply(new SchemaVersionPurged("bylines", 1, 1));
        assertThat(state.subjects(true)).isEmpty();
        assertThat(state.schemaById(1)).isEmpty();
        assertThat(state.idOf(new Schema.Parser().parse(BYLINE))).isEmpty();
        // Ids are not reused while the instance runs.
        assertThat(state.maxId()).isEqualTo(1);
    }

    @Test
    void unparseableSchemaRecordsAreIgnored() {
        boolean applied = state.apply(new SchemaVersion("bylines", 1, 1, "{\"type\":\"nonsense\"}", false));

        assertThat(applied).isFalse();
        assertThat(state.subjects(true)).isEmpty();
    }

    @Test
    void configRecordsSetAndResetLevels() {
        state.apply(new CompatibilityConfig(null, CompatibilityLevel.FULL));
        state.apply(new CompatibilityConfig("bylines", CompatibilityLevel.NONE));
        assertThat(state.globalLevel()).contains(CompatibilityLevel.FULL);
        assertThat(state.subjectLevel("bylines")).contains(CompatibilityLevel.NONE);

        state.apply(new CompatibilityConfig("bylines", null));
        assertThat(state.subjectLevel("bylines")).isEmpty();
    }
}
