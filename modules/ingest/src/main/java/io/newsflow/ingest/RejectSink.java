package io.newsflow.ingest;

/**
 * Receives every refused input so that nothing is dropped silently. The default writes a
 * {@link RejectsFile}; the app can point one at the dead-letter topic instead.
 */
public interface RejectSink extends AutoCloseable {

    void reject(Rejection rejection);

    @Override
    void close();

    /** A sink that only lets the loader's own counting and logging happen (for dry runs in tests). */
    static RejectSink discarding() {
        return new RejectSink() {
            @Override
            public void reject(Rejection rejection) {
                // counted and logged by the caller; nothing more to keep
            }

            @Override
            public void close() {
            }
        };
    }
}
