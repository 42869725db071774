package io.jixiao.finding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RectificationRepository implements PanacheRepositoryBase<Rectification, UUID> {

    /** The closures recorded for these findings (keyed by finding id). */
    public List<Rectification> ofFindings(Collection<UUID> findingIds) {
        return list("findingId in ?1", findingIds);
    }
}
