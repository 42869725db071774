package io.jixiao.common.error;

/** A write to an existing object came without If-Match (428). */
public class PreconditionRequired extends DomainException {
    public PreconditionRequired(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.PRECONDITION_REQUIRED;
    }
}
