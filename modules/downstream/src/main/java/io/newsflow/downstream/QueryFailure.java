package io.newsflow.downstream;

/** A query that cannot be answered, with the HTTP status that says why (400, 404, 502, 503). */
public final class QueryFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public QueryFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public QueryFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static QueryFailure unavailable(String message, Throwable cause) {
        return new QueryFailure(503, message, cause);
    }

    static QueryFailure notFound(String message) {
        return new QueryFailure(404, message);
    }

    static QueryFailure badRequest(String message) {
        return new QueryFailure(400, message);
    }
}
