package io.newsflow.streams.stages;

import java.util.List;

import io.newsflow.model.Entity;

/**
 * What the tag stage needs of an entity tagger: the entities of one article, ranked by salience, with offsets
 * into the clean body. Implementations are thread-safe: one instance serves every stream thread.
 */
@FunctionalInterface
public interface EntityTagging {

    List<Entity> tag(String title, String cleanBody);

    /** For deployments that do not want entities (or have no model): every article gets an empty list. */
    EntityTagging NONE = (title, body) -> List.of();
}
