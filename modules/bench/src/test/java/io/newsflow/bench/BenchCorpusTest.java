package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.model.RawArticle;
import io.newsflow.text.clean.ArticleCleaner;
import io.newsflow.text.dedup.ContentHash;
import io.newsflow.text.dedup.NearDuplicateFingerprint;

class BenchCorpusTest {

    private static final ArticleCleaner CLEANER = new ArticleCleaner();

    private static BenchCorpus corpus;
    private static Map<String, String> cleanBodies;

    @BeforeAll
    static void generate() {
        corpus = BenchCorpus.generate(200, 0.2, 0.3, 42L);
        cleanBodies = new HashMap<>();
        corpus.articles().forEach(article -> cleanBodies.put(article.getId(),
                CLEANER.clean(article.getBody(), article.getContentType(), null).text()));
    }

    @Test
    void theSameSeedGivesTheSameArticlesAndAnotherSeedOthers() {
        BenchCorpus again = BenchCorpus.generate(200, 0.2, 0.3, 42L);
        assertThat(again.articles()).isEqualTo(corpus.articles());
        assertThat(again.duplicateOf()).isEqualTo(corpus.duplicateOf());

        BenchCorpus other = BenchCorpus.generate(200, 0.2, 0.3, 43L);
        assertThat(other.articles().get(0).getBody()).isNotEqualTo(corpus.articles().get(0).getBody());
    }

    @Test
    void hasTheRequestedSizeAndUniqueIds() {
        assertThat(corpus.size()).isEqualTo(200);
        assertThat(corpus.articles()).extracting(RawArticle::getId).doesNotHaveDuplicates();
        assertThat(BenchCorpus.generate(0, 0.5, 1L).articles()).isEmpty();
    }

    @Test
    void originalsAreAboutFiveKilobytesAndEightHundredWords() {
        List<RawArticle> plain = corpus.originals().stream()
                .filter(article -> article.getContentType().equals("text/plain")).toList();
        assertThat(plain).isNotEmpty().allSatisfy(article -> assertThat(
                article.getBody().getBytes(StandardCharsets.UTF_8).length).isBetween(4_000, 6_500));
        assertThat(corpus.originals()).allSatisfy(article -> assertThat(
                StoryBook.words(cleanBodies.get(article.getId()))).isBetween(TARGET_LOW, TARGET_HIGH));
        double averageBytes = plain.stream()
                .mapToInt(article -> article.getBody().getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        assertThat(averageBytes).isBetween(4_500.0, 5_800.0);
    }

    private static final int TARGET_LOW = BenchCorpus.TARGET_STORY_WORDS - 60;
    private static final int TARGET_HIGH = BenchCorpus.TARGET_STORY_WORDS + 250;

    @Test
    void deliversTheRequestedShareOfHtmlPages() {
        long html = corpus.originals().stream().filter(article -> article.getContentType().equals("text/html"))
                .count();
        assertThat((double) html / corpus.originals().size()).isBetween(0.2, 0.4);
        assertThat(BenchCorpus.generate(50, 0, 0, 1L).articles())
                .allSatisfy(article -> assertThat(article.getContentType()).isEqualTo("text/plain"));
    }

    @Test
    void copiesMakeUpTheDuplicateShareAndFollowTheirOriginal() {
        assertThat(corpus.duplicates()).isEqualTo(40);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            position.put(corpus.articles().get(i).getId(), i);
        }
        corpus.duplicateOf().forEach((copy, original) -> {
            assertThat(corpus.duplicateOf()).doesNotContainKey(original);
            assertThat(position.get(copy)).isGreaterThan(position.get(original));
        });
        assertThat(BenchCorpus.generate(1_000, 0.05, 3L).duplicates()).isEqualTo(50);
    }

    @Test
    void everyCopyIsAnExactOrNearDuplicateOfItsOriginal() {
        Map<Boolean, Long> exactOrNear = corpus.duplicateOf().entrySet().stream()
                .collect(Collectors.partitioningBy(entry -> ContentHash.of(cleanBodies.get(entry.getKey()))
                        .equals(ContentHash.of(cleanBodies.get(entry.getValue()))), Collectors.counting()));
        assertThat(exactOrNear.get(true)).isEqualTo(20);
        corpus.duplicateOf().forEach((copy, original) -> assertThat(fingerprint(copy)
                .isNearDuplicateOf(fingerprint(original))).as("%s near %s", copy, original).isTrue());
    }

    @Test
    void noTwoOriginalsLookLikeDuplicates() {
        List<NearDuplicateFingerprint> fingerprints = corpus.originals().stream()
                .map(article -> fingerprint(article.getId())).toList();
        for (int i = 0; i < fingerprints.size(); i++) {
            for (int j = i + 1; j < fingerprints.size(); j++) {
                assertThat(fingerprints.get(i).isNearDuplicateOf(fingerprints.get(j)))
                        .as("originals %d and %d", i, j).isFalse();
            }
        }
        assertThat(corpus.originals()).extracting(article -> ContentHash.of(cleanBodies.get(article.getId())))
                .doesNotHaveDuplicates();
    }

    @Test
    void refusesSharesOutOfRange() {
        assertThatThrownBy(() -> BenchCorpus.generate(10, 1.0, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchCorpus.generate(10, 0.1, 1.5, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchCorpus.generate(-1, 0.1, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NearDuplicateFingerprint fingerprint(String id) {
        return NearDuplicateFingerprint.of(cleanBodies.get(id));
    }
}
