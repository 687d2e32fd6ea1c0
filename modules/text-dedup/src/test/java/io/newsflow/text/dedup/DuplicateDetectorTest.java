/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {

    private static final List<BaseArticle> SAMPLES = SampleArticles.load();
    private static final BaseArticle STRIKE = SAMPLES.get(0);
    private static final BaseArticle RATES = SAMPLES.get(2);

    private final DuplicateDetector detector = new DuplicateDetector(1000);

    @Test
    void firstCopyIsNew() {
        assertThat(detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body())))
                .isEqualTo(Verdict.newStory());
    }

    @Test
    void sameCanonicalUrlIsAnExactDuplicate() {
        detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body()));
        Verdict verdict = detector.check(
                new ArticleKey("a2", "https://ONE.example/strike/?utm_source=feed", "page chrome changed"));
        assertThat(verdict).isEqualTo(
                new Verdict.Duplicate("a1", Verdict.Kind.EXACT, 1.0, MatchedOn.CANONICAL_URL));
    }

    @Test
    void sameNormalisedBodyElsewhereIsAnExactDuplicate() {
        detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body()));
        String retyped = STRIKE.body().replace("'", "\u2019").replace("\n\n", "\n");
        Verdict verdict = detector.check(new ArticleKey("a2", "https://two.example/ports/1", retyped));
        assertThat(verdict).isEqualTo(new Verdict.Duplicate("a1", Verdict.Kind.EXACT, 1.0, MatchedOn.CONTENT_HASH));
    }

    @Test
    void editedCopyIsANearDuplicate() {
        detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body()));
        String republished = new DuplicatePairGenerator(1, 1, 0).edit(STRIKE, PairKind.REPUBLISHED, new Random(5));
        Verdict verdict = detector.check(new ArticleKey("a2", null, republished));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Duplicate.class, d -> {
            assertThat(d.originalId()).isEqualTo("a1");
            assertThat(d.kind()).isEqualTo(Verdict.Kind.NEAR);
            assertThat(d.matchedOn()).isEqualTo(MatchedOn.FINGERPRINT);
            assertThat(d.matchedOn().label()).isEqualTo("fingerprint");
            assertThat(d.similarity()).isBetween(NearDuplicateFingerprint.NEAR_DUPLICATE_THRESHOLD, 0.999);
        });
    }

    @Test
    void otherStoriesAreNew() {
        detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body()));
        assertThat(detector.check(new ArticleKey("a2", "https://one.example/rates", RATES.body())).isDuplicate())
                .isFalse();
        assertThat(detector.check(new ArticleKey("a3", "https://one.example/strike-4", SAMPLES.get(1).body()))
                .isDuplicate()).isFalse();
    }

    @Test
    void copiesOfACopyAreAttributedToTheFirst() {
        detector.check(new ArticleKey("a1", "https://one.example/strike", STRIKE.body()));
        String cut = new DuplicatePairGenerator(1, 1, 0).edit(STRIKE, PairKind.DROPPED_PARAGRAPH, new Random(2));
        detector.check(new ArticleKey("a2", "https://two.example/strike", cut));
        // Same URL as the second copy, and separately the same body as the second copy.
        assertThat(detector.check(new ArticleKey("a3", "https://two.example/strike?ref=rss", "x")))
                .isEqualTo(new Verdict.Duplicate("a1", Verdict.Kind.EXACT, 1.0, MatchedOn.CANONICAL_URL));
        assertThat(detector.check(new ArticleKey("a4", "https://three.example/s", cut)))
                .isEqualTo(new Verdict.Duplicate("a1", Verdict.Kind.EXACT, 1.0, MatchedOn.CONTENT_HASH));
    }

    @Test
    void redeliveryOfAnOriginalIsNotItsOwnDuplicate() {
        ArticleKey article = new ArticleKey("a1", "https://one.example/strike", STRIKE.body());
        detector.check(article);
        assertThat(detector.check(article)).isEqualTo(Verdict.newStory());
    }

    @Test
    void shortBodiesMatchOnlyExactly() {
        String brief = "Ferry services to the islands were cancelled on Tuesday because of high winds.";
        detector.check(new ArticleKey("a1", null, brief));
        assertThat(detector.check(new ArticleKey("a2", null, brief + " More soon.")).isDuplicate()).isFalse();
        assertThat(detector.check(new ArticleKey("a3", null, "  " + brief.toUpperCase())))
                .isEqualTo(new Verdict.Duplicate("a1", Verdict.Kind.EXACT, 1.0, MatchedOn.CONTENT_HASH));
    }

    @Test
    void forgetsBeyondCapacity() {
        DuplicateDetector small = new DuplicateDetector(2);
        small.check(new ArticleKey("a1", "https://one.example/1", SAMPLES.get(5).body()));
        small.check(new ArticleKey("a2", "https://one.example/2", SAMPLES.get(6).body()));
        small.check(new ArticleKey("a3", "https://one.example/3", SAMPLES.get(7).body()));
        assertThat(small.check(new ArticleKey("b1", "https://one.example/1", SAMPLES.get(5).body())).isDuplicate())
                .isFalse();
        assertThat(small.check(new ArticleKey("b3", "https://one.example/3", SAMPLES.get(7).body())).isDuplicate())
                .isTrue();
    }
}
