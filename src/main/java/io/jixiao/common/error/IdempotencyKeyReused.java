package io.jixiao.common.error;

/** An Idempotency-Key was reused with another request body (422). */
public class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused(String message) {
        super(message);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.IDEMPOTENCY_KEY_REUSED;
    }
}
