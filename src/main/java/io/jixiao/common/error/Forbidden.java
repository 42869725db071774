package io.jixiao.common.error;

/** The caller's role or organisation may not do this (403). */
public class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.FORBIDDEN;
    }
}
