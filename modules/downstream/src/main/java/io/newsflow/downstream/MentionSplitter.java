package io.newsflow.downstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;

import io.newsflow.model.EnrichedArticle;
import io.newsflow.model.Entity;
import io.newsflow.model.EntityMention;

/**
 * Splits an enriched article into one {@link EntityMention} per canonical entity, keyed by {@link EntityKey}.
 * The tagger already folds an entity's mentions into one {@link Entity}; if two entries still share a
 * canonical name and type, they are merged here so the "one record per (article, entity)" contract holds.
 */
public final class MentionSplitter {

    private MentionSplitter() {
    }

    public static List<KeyValue<String, EntityMention>> split(String articleId, EnrichedArticle article) {
        Map<String, EntityMention> byKey = new LinkedHashMap<>();
        for (Entity entity : article.getEntities()) {
            String key = new EntityKey(entity.getType(), entity.getCanonical()).toString();
            EntityMention seen = byKey.get(key);
            if (seen != null) {
                seen.setCount(seen.getCount() + entity.getCount());
                seen.setSalience(Math.max(seen.getSalience(), entity.getSalience()));
                continue;
            }
            byKey.put(key, EntityMention.newBuilder()
                    .setEntity(key)
                    .setCanonical(entity.getCanonical())
                    .setType(entity.getType().name())
                    .setCount(entity.getCount())
                    .setSalience(entity.getSalience())
                    .setArticleId(articleId != null ? articleId : article.getId())
                    .setSource(article.getSource())
                    .setTitle(article.getTitle())
                    .setPublishedAt(article.getPublishedAt())
                    .setFetchedAt(article.getFetchedAt())
                    .build());
        }
        List<KeyValue<String, EntityMention>> mentions = new ArrayList<>(byKey.size());
        byKey.forEach((key, mention) -> mentions.add(KeyValue.pair(key, mention)));
        return mentions;
    }
}
