package io.jixiao.common.http;

import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.JDBCConnectionException;
import org.postgresql.util.PSQLState;

/**
 * Tells a failure of what the service depends on (the database, the identity provider) from a
 * fault of the request or of the code. Looks at the whole exception graph — causes and suppressed
 * exceptions: a connection lost during COMMIT reaches us as the transaction manager's
 * {@link RollbackException} with the driver's error only among its suppressed exceptions.
 */
public final class InfrastructureFailures {

    /** What failed, and so what the client should be told. */
    public enum Kind {
        /** The database could not be reached; nothing was stored. */
        DATABASE_UNAVAILABLE,
        /** The connection failed while committing: the write may or may not have been stored. */
        COMMIT_OUTCOME_UNKNOWN,
        /** The identity provider could not be reached to verify the token. */
        IDENTITY_PROVIDER_UNAVAILABLE
    }

    /** SQLSTATE class 08: connection exception (SQL standard). */
    static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE class 57P: the server is shutting down, crashed or refuses connections for now. */
    static final String OPERATOR_INTERVENTION_CLASS = "57P";
    /** SQLSTATE 53300: too many connections. */
    static final String TOO_MANY_CONNECTIONS = "53300";
    /**
     * Agroal reports a pool that found no connection in time as a plain SQLException without a
     * SQLSTATE; its message is the only thing that tells it apart.
     */
    static final String POOL_ACQUISITION_TIMEOUT = "Acquisition timeout";

    private InfrastructureFailures() {}

    public static Optional<Kind> classify(Throwable failure) {
        List<Throwable> graph = graphOf(failure);
        if (graph.stream().anyMatch(InfrastructureFailures::isDatabaseUnavailable)) {
            boolean duringCommit = graph.stream()
                    .anyMatch(t -> t instanceof RollbackException
                            || t instanceof HeuristicMixedException
                            || t instanceof HeuristicRollbackException);
            return Optional.of(duringCommit ? Kind.COMMIT_OUTCOME_UNKNOWN : Kind.DATABASE_UNAVAILABLE);
        }
        if (graph.stream().anyMatch(AuthenticationFailedException.class::isInstance)
                && graph.stream().anyMatch(InfrastructureFailures::isConnectionFailure)) {
            return Optional.of(Kind.IDENTITY_PROVIDER_UNAVAILABLE);
        }
        return Optional.empty();
    }

    /** The exception, its causes and the suppressed exceptions of each, each once. */
    static List<Throwable> graphOf(Throwable failure) {
        List<Throwable> graph = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            graph.add(t);
            pending.add(t.getCause());
            Collections.addAll(pending, t.getSuppressed());
        }
        return graph;
    }

    static boolean isDatabaseUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                return state.startsWith(CONNECTION_EXCEPTION_CLASS)
                        || state.startsWith(OPERATOR_INTERVENTION_CLASS)
                        || state.equals(TOO_MANY_CONNECTIONS)
                        || state.equals(PSQLState.CONNECTION_FAILURE_DURING_TRANSACTION.getState());
            }
            return sql.getMessage() != null && sql.getMessage().contains(POOL_ACQUISITION_TIMEOUT);
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        return t instanceof ConnectException
                || t instanceof UnknownHostException
                || t instanceof TimeoutException
                || t instanceof OidcEndpointAccessException
                || t instanceof io.netty.channel.ConnectTimeoutException;
    }
}
