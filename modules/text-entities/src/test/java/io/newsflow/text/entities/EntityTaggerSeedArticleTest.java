package io.newsflow.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one real article of the project: an AFP-style wire story on the 2022 Russia-Ukraine crisis. */
class EntityTaggerSeedArticleTest {

    private static final String RESOURCE = "articles/000_170e36daf17d4de0.txt";

    private static String title;
    private static String body;
    private static List<TaggedEntity> entities;

    @BeforeAll
    static void tagSeedArticle() throws IOException {
        String article;
        try (InputStream in = EntityTaggerSeedArticleTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int titleEnd = article.indexOf('\n');
        title = article.substring(0, titleEnd);
        String rest = article.substring(titleEnd + 1);
        body = rest.substring(0, rest.indexOf("Leave a Comment")).strip(); // drop the site footer
        EntityTagger tagger = EntityTagger.create();
        tagger.warmUp();
        entities = tagger.tag(title, body);
    }

    @Test
    void findsThePeopleOfTheStory() {
        assertTyped(EntityType.PER, "Vladimir Putin", "Volodymyr Zelensky", "Antonio Guterres", "Joe Biden",
                "Liz Truss", "Jean-Yves Le Drian", "Linda Thomas-Greenfield");
    }

    @Test
    void findsThePlacesOfTheStory() {
        assertTyped(EntityType.LOC, "Ukraine", "Russia", "Kyiv", "Washington", "Moscow", "Berlin", "Brussels",
                "Germany", "Rostov", "Donetsk", "Luhansk");
    }

    @Test
    void findsTheOrganisationsAndNationalities() {
        assertTyped(EntityType.ORG, "United Nations", "European Union", "NATO", "Tass", "AFP");
        assertTyped(EntityType.MISC, "Ukrainian", "Russian", "American");
    }

    @Test
    void everyMentionOffsetMatchesTheBodyExactly() {
        assertThat(entities).isNotEmpty();
        for (TaggedEntity entity : entities) {
            assertThat(body.substring(entity.start(), entity.end())).isEqualTo(entity.text());
            assertThat(entity.count()).isEqualTo(entity.mentions().size());
            for (EntityMention mention : entity.mentions()) {
                assertThat(body.substring(mention.start(), mention.end())).isEqualTo(mention.text());
            }
        }
    }

    @Test
    void surnamesAndSpellingVariantsMergeIntoOneEntity() {
        TaggedEntity putin = entity(EntityType.PER, "Vladimir Putin").orElseThrow();
        assertThat(putin.mentions()).extracting(EntityMention::text).contains("Vladimir Putin", "Putin");
        TaggedEntity biden = entity(EntityType.PER, "Joe Biden").orElseThrow();
        assertThat(biden.mentions()).extracting(EntityMention::text).contains("Joe Biden", "Mr. Biden");
        TaggedEntity kyiv = entity(EntityType.LOC, "Kyiv").orElseThrow();
        assertThat(kyiv.mentions()).extracting(EntityMention::text).containsOnly("Kiev");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.PER)
                .extracting(TaggedEntity::canonical).doesNotContain("Putin", "Zelensky", "Biden");
    }

    @Test
    void rankedBySalienceWithTheTitleEntitiesFirst() {
        assertThat(entities).extracting(TaggedEntity::salience)
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // Ukraine is in the title and the most mentioned place; Rostov is mentioned once, late
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            rank.putIfAbsent(entities.get(i).canonical(), i);
        }
        assertThat(rank.get("Ukraine")).isLessThan(rank.get("Rostov"));
        assertThat(rank.get("Russia")).isLessThan(rank.get("Brussels"));
        assertThat(entities.get(0).canonical()).isIn("Ukraine", "Russia", "Kyiv", "Kremlin");
    }

    @Test
    void taggersOnSeveralThreadsAgreeWithTheSingleThreadedResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<TaggedEntity>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // a fresh tagger per task, as a per-thread factory would do; the model is shared
                results.add(pool.submit(() -> EntityTagger.create().tag(title, body)));
            }
            for (Future<List<TaggedEntity>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(entities);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertTyped(EntityType type, String... canonicalNames) {
        for (String name : canonicalNames) {
            assertThat(entity(type, name)).as("%s %s among %s", type, name, entities).isPresent();
        }
    }

    private static Optional<TaggedEntity> entity(EntityType type, String canonical) {
        return entities.stream().filter(e -> e.type() == type && e.canonical().equals(canonical)).findFirst();
    }
}
