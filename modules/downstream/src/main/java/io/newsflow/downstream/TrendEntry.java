package io.newsflow.downstream;

/** One entity's count in one window, as the trends endpoint lists it. */
public record TrendEntry(String entity, String canonical, String type, long count) {

    static TrendEntry of(String key, long count) {
        EntityKey entity = EntityKey.parse(key);
        return new TrendEntry(key, entity.canonical(), entity.type().name(), count);
    }
}
