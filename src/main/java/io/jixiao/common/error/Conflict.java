package io.jixiao.common.error;

/** The request conflicts with existing data, e.g. a duplicate (409). */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.CONFLICT;
    }
}
