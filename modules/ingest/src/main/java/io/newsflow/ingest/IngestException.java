package io.newsflow.ingest;

/** An ingest failure that is not about one bad input (those become rejections): broker, disk, state file. */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
