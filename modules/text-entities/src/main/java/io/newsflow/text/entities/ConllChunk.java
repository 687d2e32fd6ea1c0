package io.newsflow.text.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An entity as the CoNLL scorer sees it: a typed run of tokens {@code [from, to)} of one sentence. */
public record ConllChunk(int sentence, int from, int to, EntityType type) {

    /**
     * Chunks of a tag sequence, IOB1 or IOB2: an entity starts at a {@code B-} tag or where the type changes,
     * and continues over {@code I-} tags (or bare types) of the same type.
     */
    public static List<ConllChunk> fromTags(int sentence, List<String> tags) {
        List<ConllChunk> chunks = new ArrayList<>();
        EntityType open = null;
        int from = 0;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            Optional<EntityType> type = EntityType.fromLabel(tag);
            boolean begins = tag.startsWith("B-");
            if (open != null && (type.isEmpty() || type.get() != open || begins)) {
                chunks.add(new ConllChunk(sentence, from, i, open));
                open = null;
            }
            if (type.isPresent() && open == null) {
                open = type.get();
                from = i;
            }
        }
        if (open != null) {
            chunks.add(new ConllChunk(sentence, from, tags.size(), open));
        }
        return chunks;
    }
}
