package io.jixiao.common.error;

/** The If-Match version is stale (412). */
public class PreconditionFailed extends DomainException {
    public PreconditionFailed(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.PRECONDITION_FAILED;
    }
}
