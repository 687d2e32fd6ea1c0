package io.newsflow.downstream;

import java.util.List;
import java.util.Map;

/** Every queryable window count of one entity, by window family ({@code 1h}, {@code 24h}), oldest first. */
public record EntityCounts(String entity, String canonical, String type, Map<String, List<WindowCount>> windows) {

    boolean isEmpty() {
        return windows.values().stream().allMatch(List::isEmpty);
    }
}
