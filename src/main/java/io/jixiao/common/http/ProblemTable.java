package io.jixiao.common.http;

import io.jixiao.common.error.DomainException;
import io.jixiao.common.error.ProblemType;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import java.util.Map;
import java.util.Optional;
import org.hibernate.StaleStateException;

/**
 * The one table from exception to problem type. Our domain exceptions declare their type
 * themselves; the framework's exceptions that mean the same things are listed here, looked up
 * walking superclasses.
 */
final class ProblemTable {

    private static final Map<Class<? extends Throwable>, ProblemType> FRAMEWORK = Map.of(
            UnauthorizedException.class, ProblemType.UNAUTHORIZED,
            AuthenticationFailedException.class, ProblemType.UNAUTHORIZED,
            AuthenticationCompletionException.class, ProblemType.UNAUTHORIZED,
            ForbiddenException.class, ProblemType.FORBIDDEN,
            OptimisticLockException.class, ProblemType.PRECONDITION_FAILED,
            StaleStateException.class, ProblemType.PRECONDITION_FAILED);

    private ProblemTable() {}

    static Optional<ProblemType> typeOf(Throwable t) {
        if (t instanceof DomainException domain) {
            return Optional.of(domain.problemType());
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            ProblemType found = FRAMEWORK.get(c);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
