package io.newsflow.streams.errors;

/** Walks an exception's cause chain: whether a failure is transient is decided by what it was caused by. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code exception} or any of its causes is an instance of one of {@code types}. */
    @SafeVarargs
    public static boolean anyOf(Throwable exception, Class<? extends Throwable>... types) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
