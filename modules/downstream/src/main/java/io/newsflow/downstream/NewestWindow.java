package io.newsflow.downstream;

/** Internal answer between instances: the newest window start one instance holds, null when it holds none. */
public record NewestWindow(Long windowStart) {
}
