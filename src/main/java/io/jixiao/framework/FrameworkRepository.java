package io.jixiao.framework;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FrameworkRepository implements PanacheRepositoryBase<Framework, UUID> {

    @Inject
    EntityManager em;

    public List<Framework> list(String key, FrameworkStatus status, Long afterSeq, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("1 = 1");
        if (key != null) {
            where.add("key = :key");
            params.and("key", key);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (afterSeq != null) {
            where.add("seq > :after");
            params.and("after", afterSeq);
        }
        return find(String.join(" and ", where) + " order by seq", params)
                .page(0, limit)
                .list();
    }

    public int latestVersion(String key) {
        Integer latest = em.createQuery(
                        "select max(f.frameworkVersion) from Framework f where f.key = :key", Integer.class)
                .setParameter("key", key)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }

    public List<FrameworkItem> items(UUID frameworkId) {
        return em.createQuery("from FrameworkItem i where i.frameworkId = :id order by i.position", FrameworkItem.class)
                .setParameter("id", frameworkId)
                .getResultList();
    }

    public void deleteItems(UUID frameworkId) {
        em.createQuery("delete from FrameworkItem i where i.frameworkId = :id")
                .setParameter("id", frameworkId)
                .executeUpdate();
    }

    public void persistItem(FrameworkItem item) {
        em.persist(item);
    }
}
