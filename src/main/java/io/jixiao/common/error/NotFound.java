package io.jixiao.common.error;

/** The object does not exist in the caller's scope (404, never revealing that it exists elsewhere). */
public class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.NOT_FOUND;
    }
}
