package io.newsflow.ingest;

/** Why one input line, file or feed item was not turned into an article. */
public enum RejectReason {
    INVALID_JSON,
    NOT_AN_OBJECT,
    MISSING_BODY,
    WRONG_FIELD_TYPE,
    UNPARSEABLE_DATE,
    INVALID_UTF8,
    BODY_TOO_LARGE,
    UNKNOWN_CONTENT_TYPE,
    /** The file could not be read at all (permissions, vanished while walking). */
    UNREADABLE
}
