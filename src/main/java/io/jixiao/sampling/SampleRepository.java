package io.jixiao.sampling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Samples, and their roster and draw rows (written in JDBC batches: a roster has thousands). */
@ApplicationScoped
public class SampleRepository {

    /** One stored draw row: a code selected or held in reserve, with its rank in the stratum. */
    public record DrawEntry(String code, String stratum, DrawRole role, int rank) {}

    @Inject
    EntityManager em;

    public Optional<Sample> find(UUID evaluationId, SampleKind kind, LockModeType lock) {
        return em.createQuery("from Sample s where s.evaluationId = :e and s.kind = :k", Sample.class)
                .setParameter("e", evaluationId)
                .setParameter("k", kind)
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    public void flush() {
        em.flush();
    }

    public void persist(Sample sample) {
        em.persist(sample);
    }

    public List<RosterEntry> roster(UUID sampleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select code, stratum from sample_roster_entry where sample_id = :s order by code")
                .setParameter("s", sampleId)
                .getResultList();
        return rows.stream()
                .map(r -> new RosterEntry((String) r[0], (String) r[1]))
                .toList();
    }

    public Map<String, Integer> rosterSizes(UUID sampleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select stratum, count(*) from sample_roster_entry where sample_id = :s group by stratum")
                .setParameter("s", sampleId)
                .getResultList();
        Map<String, Integer> sizes = new HashMap<>();
        rows.forEach(r -> sizes.put((String) r[0], ((Number) r[1]).intValue()));
        return sizes;
    }

    public void replaceRoster(UUID sampleId, List<RosterEntry> entries) {
        em.createNativeQuery("delete from sample_roster_entry where sample_id = :s")
                .setParameter("s", sampleId)
                .executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sample_roster_entry (sample_id, code, stratum) values (?, ?, ?)")) {
                for (RosterEntry entry : entries) {
                    insert.setObject(1, sampleId);
                    insert.setString(2, entry.code());
                    insert.setString(3, entry.stratum());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public List<DrawEntry> drawEntries(UUID sampleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                select code, stratum, role, rank from sample_draw_entry where sample_id = :s
                 order by stratum, case role when 'SELECTED' then 0 else 1 end, rank
                """).setParameter("s", sampleId).getResultList();
        return rows.stream()
                .map(r -> new DrawEntry(
                        (String) r[0], (String) r[1], DrawRole.valueOf((String) r[2]), ((Number) r[3]).intValue()))
                .toList();
    }

    public void storeDraw(UUID sampleId, SampleDraw.Draw draw) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sample_draw_entry (sample_id, code, stratum, role, rank) values (?, ?, ?, ?, ?)")) {
                for (SampleDraw.StratumDraw stratum : draw.strata()) {
                    add(insert, sampleId, stratum.stratum(), DrawRole.SELECTED, stratum.selected());
                    add(insert, sampleId, stratum.stratum(), DrawRole.RESERVE, stratum.reserves());
                }
                insert.executeBatch();
            }
        });
    }

    private static void add(PreparedStatement insert, UUID sampleId, String stratum, DrawRole role, List<String> codes)
            throws java.sql.SQLException {
        for (int rank = 0; rank < codes.size(); rank++) {
            insert.setObject(1, sampleId);
            insert.setString(2, codes.get(rank));
            insert.setString(3, stratum);
            insert.setString(4, role.name());
            insert.setInt(5, rank + 1);
            insert.addBatch();
        }
    }

    public List<SampleResponse> responses(UUID sampleId) {
        return em.createQuery("from SampleResponse r where r.sampleId = :s order by r.seq", SampleResponse.class)
                .setParameter("s", sampleId)
                .getResultList();
    }

    public void persist(SampleResponse response) {
        em.persist(response);
    }
}
