package io.jixiao.common;

import io.jixiao.common.security.CurrentCaller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a change happens and who makes it: the one clock (injectable, so tests can move time)
 * and the calling user, for the audit columns of every changeable record ({@link AuditListener})
 * and for the services' own timestamps.
 */
@ApplicationScoped
@Unremovable
public class AuditContext {

    /** Who changes data when no user request is being served (start-up, migrations, jobs). */
    public static final String SYSTEM = "system";

    @Inject
    Clock clock;

    @Inject
    Instance<CurrentCaller> caller;

    /** Now, at the database's precision (microseconds), so what is stored is what was returned. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The user name of the caller of the current request, or {@link #SYSTEM}. */
    public String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        return caller.get().usernameOrNull() == null ? SYSTEM : caller.get().usernameOrNull();
    }
}
