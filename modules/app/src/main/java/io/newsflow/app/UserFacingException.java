package io.newsflow.app;

/** An expected failure with a message that tells the user what to do; printed as one line, no stack trace. */
public class UserFacingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
