package io.jixiao.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.common.Audited;
import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read path's plain-SQL row ({@link EvaluationRows}) holds exactly what Hibernate loads, for
 * every persistent field of {@link Evaluation} and {@link Audited} — in each state, with and
 * without a frozen result — so the mappers and scope rules see the same evaluation either way. A
 * column added to the entity and not to the statement fails here.
 */
@QuarkusTest
class EvaluationRowsTest {

    @Inject
    EvaluationRows rows;

    @Inject
    EntityManager entityManager;

    @Test
    void everyPersistentFieldMatchesHibernateInEveryState() throws Exception {
        World world = World.create();
        String project = world.createProject("明细读取项目");
        String draft = world.createEvaluation(project, 2023, "MID_TERM");
        String open = world.openEvaluation(project, "FINAL");
        world.submit(open, "STREET_OFFICE", "88");
        String finalized = world.openEvaluation("FINAL");
        world.submit(finalized, "BUREAU", "93");
        world.submit(finalized, "STREET_OFFICE", "90");
        world.submit(finalized, "ASSESSOR", "87.5");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .body("{\"note\":\"终期评估定稿\"}")
                .contentType("application/json")
                .post("/v1/evaluations/{id}/finalization", finalized)
                .then()
                .statusCode(200);

        List<Field> fields = persistentFields();
        assertTrue(fields.size() >= 33, "persistent fields found: " + fields.size());
        for (String id : List.of(draft, open, finalized)) {
            UUID uuid = UUID.fromString(id);
            QuarkusTransaction.requiringNew().run(() -> {
                Evaluation plain = rows.find(uuid).orElseThrow();
                Evaluation loaded = entityManager.find(Evaluation.class, uuid);
                assertNotNull(loaded);
                for (Field field : fields) {
                    try {
                        assertEquals(field.get(loaded), field.get(plain), id + ": " + field.getName());
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Evaluation frozen = rows.find(UUID.fromString(finalized)).orElseThrow();
            assertEquals(EvaluationState.FINALIZED, frozen.state);
            assertNotNull(frozen.resultTotalExact);
            assertEquals("终期评估定稿", frozen.finalizationNote);
            assertTrue(rows.find(UUID.randomUUID()).isEmpty());
        });
    }

    /** Every field Hibernate maps: columns, the id and the version, declared here or inherited. */
    private static List<Field> persistentFields() {
        List<Field> fields = new ArrayList<>();
        for (Class<?> type = Evaluation.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                boolean mapped = field.isAnnotationPresent(Column.class)
                        || field.isAnnotationPresent(Id.class)
                        || field.isAnnotationPresent(Version.class);
                if (!Modifier.isStatic(field.getModifiers()) && mapped) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
