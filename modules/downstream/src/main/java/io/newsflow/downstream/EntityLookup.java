package io.newsflow.downstream;

import java.util.List;

/**
 * Answer of {@code GET /entities/{name}}: one match when the name carries its type ({@code PER:Ada Lovelace}
 * or {@code ?type=PER}), otherwise one per entity type under which the name has counts.
 */
public record EntityLookup(String name, List<EntityCounts> matches) {
}
