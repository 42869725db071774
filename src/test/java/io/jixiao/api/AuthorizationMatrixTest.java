package io.jixiao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jixiao.support.Api;
import io.jixiao.support.AuditEvents;
import io.jixiao.support.Scores;
import io.jixiao.support.Tokens;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the contract × the five roles × the owning organisation and a foreign one.
 * An operation of openapi.yaml missing here fails the build. The provider's own organisation runs
 * the world's projects; it sees an evaluation only once finalized, so the read probes give it a
 * finalized evaluation (before finalization it finds nothing: {@code AppealApiTest}).
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class AuthorizationMatrixTest {

    /** Who calls: a role, acting for the organisation that owns the object or for a foreign one. */
    enum Who {
        BUREAU_OWN,
        BUREAU_FOREIGN,
        STREET_OWN,
        STREET_FOREIGN,
        ASSESSOR_OWN,
        ASSESSOR_FOREIGN,
        AUDITOR_OWN,
        AUDITOR_FOREIGN,
        PROVIDER_OWN,
        PROVIDER_FOREIGN
    }

    static World world;
    static World foreign;

    /** operationId → how to call it (token of the caller → status). */
    static final Map<String, BiFunction<Who, String, Integer>> PROBES = new LinkedHashMap<>();
    /** operationId → expected status per caller. */
    static final Map<String, Map<Who, Integer>> EXPECTED = new LinkedHashMap<>();

    /** Seen by the owning organisations and auditors; for others it does not exist. */
    static final Map<Who, Integer> IN_SCOPE = expect(200, 404, 200, 404, 200, 404, 200, 200, 200, 404);
    /** In scope as above, but not for the provider's role: indicators, yearly evidence, sample results. */
    static final Map<Who, Integer> IN_SCOPE_EXCEPT_PROVIDER = expect(200, 404, 200, 404, 200, 404, 200, 200, 403, 403);
    /** Only the supervising bureau; other bureaus do not see it, other roles are refused. */
    static final Map<Who, Integer> BUREAU_ONLY = expect(200, 404, 403, 403, 403, 403, 403, 403, 403, 403);

    static final String ROSTER = "code,stratum\nS01,SERVICE_USER\nS02,SERVICE_USER\nC01,COMMITTEE_PARTNER\n";

    /** Only the assigned assessor organisation; another one does not see it, other roles are refused. */
    static final Map<Who, Integer> ASSESSOR_ONLY = expect(403, 403, 403, 403, 200, 404, 403, 403, 403, 403);
    /** Rosters, draws and responses: the assessor, the bureau and auditors; the purchaser and provider are refused. */
    static final Map<Who, Integer> SAMPLE_READERS = expect(200, 404, 403, 404, 200, 404, 200, 200, 403, 403);

    static {
        probe("getCurrentUser", (who, token) -> Api.as(token).get("/v1/me").statusCode(), all(200));
        probe(
                "listOrganisations",
                (who, token) -> Api.as(token).get("/v1/organisations").statusCode(),
                all(200));
        probe(
                "getOrganisation",
                (who, token) -> Api.as(token)
                        .get("/v1/organisations/{c}", world.provider)
                        .statusCode(),
                all(200));
        probe(
                "createOrganisation",
                (who, token) -> Api.as(token)
                        .body(Map.of(
                                "code",
                                "N-" + UUID.randomUUID().toString().substring(0, 8),
                                "type",
                                "STREET_OFFICE",
                                "name",
                                "新街道办事处",
                                "district",
                                world.district))
                        .post("/v1/organisations")
                        .statusCode(),
                expect(201, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        probe("listProjects", (who, token) -> Api.as(token).get("/v1/projects").statusCode(), all(200));
        probe(
                "createProject",
                (who, token) -> Api.as(token)
                        .body((isForeign(who) ? foreign : world).projectBody("矩阵新项目"))
                        .post("/v1/projects")
                        .statusCode(),
                expect(403, 403, 201, 201, 403, 403, 403, 403, 403, 403));
        probe(
                "getProject",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}", world.createProject("矩阵项目"))
                        .statusCode(),
                expect(200, 404, 200, 404, 404, 404, 200, 200, 200, 404));
        probe(
                "replaceProject",
                (who, token) -> {
                    Map<String, Object> body = new LinkedHashMap<>(world.projectBody("矩阵项目（改）"));
                    body.put("status", "ACTIVE");
                    return Api.as(token)
                            .header("If-Match", "\"0\"")
                            .body(body)
                            .put("/v1/projects/{id}", world.createProject("矩阵项目"))
                            .statusCode();
                },
                expect(403, 403, 200, 404, 403, 403, 403, 403, 403, 403));
        probe(
                "listBudgetLines",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}/budget-lines", world.createProject("矩阵项目"))
                        .statusCode(),
                expect(200, 404, 200, 404, 404, 404, 200, 200, 200, 404));
        probe(
                "getBudgetLine",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}/budget-lines/2022", projectWithBudgetLine())
                        .statusCode(),
                expect(200, 404, 200, 404, 404, 404, 200, 200, 200, 404));
        probe(
                "replaceBudgetLine",
                (who, token) -> Api.as(token)
                        .body(Map.of("budget", "2400000.00", "executed", "2400000.00"))
                        .put("/v1/projects/{id}/budget-lines/2022", world.createProject("矩阵项目"))
                        .statusCode(),
                expect(403, 403, 201, 404, 403, 403, 403, 403, 403, 403));
        probe(
                "listFrameworks",
                (who, token) -> Api.as(token).get("/v1/frameworks").statusCode(),
                all(200));
        probe(
                "getFramework",
                (who, token) -> Api.as(token)
                        .get("/v1/frameworks/{id}", Scores.DEFAULT_FRAMEWORK)
                        .statusCode(),
                all(200));
        probe(
                "createFramework",
                (who, token) -> Api.as(token)
                        .body(frameworkBody("M-" + UUID.randomUUID().toString().substring(0, 8)))
                        .post("/v1/frameworks")
                        .statusCode(),
                expect(201, 201, 403, 403, 403, 403, 403, 403, 403, 403));
        probe(
                "replaceFramework",
                (who, token) -> {
                    String key = "M-" + UUID.randomUUID().toString().substring(0, 8);
                    String draft = draftFramework(key);
                    return Api.as(token)
                            .header("If-Match", "\"0\"")
                            .body(frameworkBody(key))
                            .put("/v1/frameworks/{id}", draft)
                            .statusCode();
                },
                expect(200, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        probe(
                "publishFramework",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"0\"")
                        .post(
                                "/v1/frameworks/{id}/publication",
                                draftFramework(
                                        "M-" + UUID.randomUUID().toString().substring(0, 8)))
                        .statusCode(),
                expect(200, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        probe(
                "listEvaluations",
                (who, token) -> Api.as(token).get("/v1/evaluations").statusCode(),
                all(200));
        probe(
                "createEvaluation",
                (who, token) -> Api.as(token)
                        .body(Map.of(
                                "projectId",
                                world.createProject("矩阵评估项目"),
                                "fiscalYear",
                                2022,
                                "phase",
                                "FINAL",
                                "frameworkId",
                                Scores.DEFAULT_FRAMEWORK,
                                "assessor",
                                world.assessor))
                        .post("/v1/evaluations")
                        .statusCode(),
                expect(201, 404, 403, 403, 403, 403, 403, 403, 403, 403));
        probe(
                "getEvaluation",
                (who, token) ->
                        Api.as(token).get("/v1/evaluations/{id}", readable(who)).statusCode(),
                IN_SCOPE);
        probe(
                "openEvaluation",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"0\"")
                        .post(
                                "/v1/evaluations/{id}/opening",
                                world.createEvaluation(world.createProject("矩阵"), 2022, "FINAL"))
                        .statusCode(),
                BUREAU_ONLY);
        probe(
                "finalizeEvaluation",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"1\"")
                        .post("/v1/evaluations/{id}/finalization", fullySubmitted())
                        .statusCode(),
                BUREAU_ONLY);
        probe(
                "reopenEvaluation",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"2\"")
                        .body(Map.of("reason", "矩阵测试重新评分"))
                        .post("/v1/evaluations/{id}/reopening", finalized())
                        .statusCode(),
                BUREAU_ONLY);
        probe(
                "listEvaluationTransitions",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/transitions", readable(who))
                        .statusCode(),
                IN_SCOPE);
        probe(
                "getEvaluationResult",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/result", readable(who))
                        .statusCode(),
                IN_SCOPE);
        probe(
                "listSubmissions",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/submissions", readable(who))
                        .statusCode(),
                IN_SCOPE);
        probe(
                "submitScores",
                (who, token) -> Api.as(token)
                        .body(Scores.submission(partyOf(who), "90", token))
                        .post("/v1/evaluations/{id}/submissions", world.openEvaluation("FINAL"))
                        .statusCode(),
                expect(201, 404, 201, 404, 201, 404, 403, 403, 403, 403));
        probe(
                "getSubmission",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/submissions/ASSESSOR", finalized())
                        .statusCode(),
                IN_SCOPE);
        probe(
                "amendScores",
                (who, token) -> {
                    String evaluation = world.openEvaluation("FINAL");
                    String party = partyOf(who);
                    world.submit(evaluation, party, "90");
                    return Api.as(token)
                            .header("If-Match", "\"0\"")
                            .body(Scores.amendment(party, "91", "矩阵测试修改", token))
                            .put("/v1/evaluations/{id}/submissions/{party}", evaluation, party)
                            .statusCode();
                },
                expect(200, 404, 200, 404, 200, 404, 403, 403, 403, 403));
        probe(
                "getIndicatorSet",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}/indicators/2022", assessedProject(true, false))
                        .statusCode(),
                IN_SCOPE_EXCEPT_PROVIDER);
        probe(
                "replaceIndicatorSet",
                (who, token) -> Api.as(token)
                        .body(Map.of("indicators", indicators()))
                        .put("/v1/projects/{id}/indicators/2022", assessedProject(false, false))
                        .statusCode(),
                expect(403, 403, 201, 404, 403, 403, 403, 403, 403, 403));
        probe(
                "confirmIndicatorSet",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"0\"")
                        .post("/v1/projects/{id}/indicators/2022/confirmation", assessedProject(true, false))
                        .statusCode(),
                ASSESSOR_ONLY);
        probe(
                "getYearEvidence",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}/evidence/2022", assessedProject(false, true))
                        .statusCode(),
                IN_SCOPE_EXCEPT_PROVIDER);
        probe(
                "replaceYearEvidence",
                (who, token) -> Api.as(token)
                        .body(evidence())
                        .put("/v1/projects/{id}/evidence/2022", assessedProject(false, false))
                        .statusCode(),
                expect(403, 403, 201, 404, 201, 404, 403, 403, 403, 403));
        probe(
                "getSample",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/samples/SATISFACTION", world.openEvaluation("FINAL"))
                        .statusCode(),
                SAMPLE_READERS);
        probe(
                "replaceSamplePlan",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"0\"")
                        .body(Map.of(
                                "strata",
                                List.of(Map.of("code", "SERVICE_USER", "name", "服务对象", "quota", 2, "reserves", 1))))
                        .put("/v1/evaluations/{id}/samples/SATISFACTION/plan", world.openEvaluation("FINAL"))
                        .statusCode(),
                ASSESSOR_ONLY);
        probe(
                "uploadRoster",
                (who, token) -> Api.raw()
                        .auth()
                        .oauth2(token)
                        .contentType("text/csv")
                        .header("If-Match", "\"0\"")
                        .body(ROSTER)
                        .put("/v1/evaluations/{id}/samples/SATISFACTION/roster", world.openEvaluation("FINAL"))
                        .statusCode(),
                ASSESSOR_ONLY);
        probe(
                "drawSample",
                (who, token) -> Api.as(token)
                        .header("If-Match", "\"1\"")
                        .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", withRoster())
                        .statusCode(),
                ASSESSOR_ONLY);
        probe(
                "listSampleResponses",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/samples/SATISFACTION/responses", world.openEvaluation("FINAL"))
                        .statusCode(),
                SAMPLE_READERS);
        probe(
                "recordSampleResponse",
                (who, token) -> {
                    String evaluation = withRoster();
                    Api.as(world.assessorToken())
                            .header("If-Match", "\"1\"")
                            .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation)
                            .then()
                            .statusCode(200);
                    return Api.as(token)
                            .body(Map.of("code", "C01", "rating", 5, "interviewedOn", "2022-11-12"))
                            .post("/v1/evaluations/{id}/samples/SATISFACTION/responses", evaluation)
                            .statusCode();
                },
                expect(403, 403, 403, 403, 201, 404, 403, 403, 403, 403));
        probe(
                "getSampleResults",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/samples/AWARENESS/results", world.openEvaluation("FINAL"))
                        .statusCode(),
                IN_SCOPE_EXCEPT_PROVIDER);
        probe(
                "listFindings",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/findings", readable(who))
                        .statusCode(),
                IN_SCOPE);
        probe(
                "createFinding",
                (who, token) -> Api.as(token)
                        .body(finding())
                        .post("/v1/evaluations/{id}/findings", world.openEvaluation("MID_TERM"))
                        .statusCode(),
                expect(201, 404, 403, 403, 201, 404, 403, 403, 403, 403));
        probe(
                "getFinding",
                (who, token) -> {
                    String evaluation = world.openEvaluation("MID_TERM");
                    String location = Api.as(world.assessorToken())
                            .body(finding())
                            .post("/v1/evaluations/{id}/findings", evaluation)
                            .then()
                            .statusCode(201)
                            .extract()
                            .header("Location");
                    if (who.name().startsWith("PROVIDER")) {
                        finalize(evaluation);
                    }
                    return Api.as(token).get(location).statusCode();
                },
                IN_SCOPE);
        probe(
                "listRectifications",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/rectifications", readable(who))
                        .statusCode(),
                IN_SCOPE);
        probe(
                "closeRectification",
                (who, token) -> {
                    String project = world.createProject("矩阵整改项目");
                    String midTerm = world.openEvaluation(project, "MID_TERM");
                    String finding = Api.as(world.assessorToken())
                            .body(finding())
                            .post("/v1/evaluations/{id}/findings", midTerm)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return Api.as(token)
                            .body(Map.of("status", "RESOLVED", "evidence", "已整改"))
                            .put(
                                    "/v1/evaluations/{id}/rectifications/{f}",
                                    world.openEvaluation(project, "FINAL"),
                                    finding)
                            .statusCode();
                },
                expect(201, 404, 403, 403, 201, 404, 403, 403, 403, 403));
        probe(
                "getPerformanceReport",
                (who, token) -> Api.as(token)
                        .get("/v1/projects/{id}/reports/2022", publishedReportProject())
                        .statusCode(),
                IN_SCOPE);
        for (String[] analytics : new String[][] {
            {"getGradeAnalytics", "grades"},
            {"getPartyScoreAnalytics", "party-scores"},
            {"getIndicatorCompletionAnalytics", "indicator-completion"},
            {"getSampleAnalytics", "samples"},
            {"getRectificationAnalytics", "rectifications"}
        }) {
            // each caller's own scope (a foreign bureau: its own district); assessors are refused
            probe(
                    analytics[0],
                    (who, token) ->
                            Api.as(token).get("/v1/analytics/" + analytics[1]).statusCode(),
                    expect(200, 200, 200, 200, 403, 403, 200, 200, 403, 403));
        }
        // each caller's own scope (a foreign bureau or street office: its own, here empty);
        // assessors and providers are refused
        probe(
                "exportDataset",
                (who, token) -> Api.as(token)
                        .accept("text/csv")
                        .get("/v1/exports/evaluations")
                        .statusCode(),
                expect(200, 200, 200, 200, 403, 403, 200, 200, 403, 403));
        // the audit trail: auditors all, a bureau its own district (a foreign one: its own), others refused
        probe(
                "listAuditEvents",
                (who, token) -> Api.as(token).get("/v1/audit-events").statusCode(),
                expect(200, 200, 403, 403, 403, 403, 200, 200, 403, 403));
        probe(
                "verifyAuditTrail",
                (who, token) -> Api.as(token)
                        .queryParam("chainKey", "project:" + world.createProject("矩阵审计项目"))
                        .post("/v1/audit-events/verification")
                        .statusCode(),
                expect(403, 403, 403, 403, 403, 403, 200, 200, 403, 403));
        // the change feed: every role, each in its own scope
        probe(
                "listChangeEvents",
                (who, token) -> Api.as(token).get("/v1/events").statusCode(),
                all(200));
        probe(
                "streamChangeEvents",
                (who, token) ->
                        io.jixiao.support.Sse.head(token, Map.of(), null).status(),
                all(200));
        probe(
                "listSubmissionRevisions",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/submissions/ASSESSOR/revisions", finalized())
                        .statusCode(),
                IN_SCOPE);
        probe(
                "listAppeals",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/appeals", appealed()[0])
                        .statusCode(),
                IN_SCOPE);
        probe(
                "getAppeal",
                (who, token) -> Api.as(token)
                        .get("/v1/evaluations/{id}/appeals/{a}", appealed()[0], appealed()[1])
                        .statusCode(),
                IN_SCOPE);
        probe(
                "fileAppeal",
                (who, token) -> Api.as(token)
                        .body(appeal())
                        .post("/v1/evaluations/{id}/appeals", finalized())
                        .statusCode(),
                expect(403, 403, 403, 403, 403, 403, 403, 403, 201, 404));
        probe(
                "ruleOnAppeal",
                (who, token) -> {
                    String evaluation = finalized();
                    String appeal = Api.as(world.providerToken())
                            .body(appeal())
                            .post("/v1/evaluations/{id}/appeals", evaluation)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return Api.as(token)
                            .header("If-Match", "\"0\"")
                            .body(Map.of("decision", "REJECTED", "rationale", "矩阵测试驳回"))
                            .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                            .statusCode();
                },
                BUREAU_ONLY);
    }

    private static String readableEvaluation;
    private static String[] appealedEvaluation;

    /** What the caller reads: an open evaluation, or for the provider a finalized one (shared: reads change nothing). */
    private static String readable(Who who) {
        if (!who.name().startsWith("PROVIDER")) {
            return world.openEvaluation("FINAL");
        }
        if (readableEvaluation == null) {
            readableEvaluation = finalized();
        }
        return readableEvaluation;
    }

    /** A finalized evaluation with an open appeal of its provider: {evaluation id, appeal id}, shared by reads. */
    private static String[] appealed() {
        if (appealedEvaluation == null) {
            String evaluation = finalized();
            String appeal = Api.as(world.providerToken())
                    .body(appeal())
                    .post("/v1/evaluations/{id}/appeals", evaluation)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            appealedEvaluation = new String[] {evaluation, appeal};
        }
        return appealedEvaluation;
    }

    private static Map<String, Object> appeal() {
        return Map.of(
                "summary",
                "矩阵申诉",
                "grounds",
                List.of(Map.of("target", "PARTY", "reference", "ASSESSOR", "statement", "矩阵测试")));
    }

    /** A project whose 2022 FINAL evaluation is finalized: its 2022 report is published. */
    private static String publishedReportProject() {
        String project = world.createProject("矩阵报告项目");
        String evaluation = world.openEvaluation(project, "FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        return project;
    }

    /** A 2022 project with an OPEN evaluation assessed by the world's assessor, and maybe some evidence. */
    private static String assessedProject(boolean withIndicators, boolean withEvidence) {
        String project = world.createProject("矩阵证据项目");
        world.openEvaluation(project, "FINAL");
        if (withIndicators) {
            Api.as(world.streetToken())
                    .body(Map.of("indicators", indicators()))
                    .put("/v1/projects/{id}/indicators/2022", project)
                    .then()
                    .statusCode(201);
        }
        if (withEvidence) {
            Api.as(world.streetToken())
                    .body(evidence())
                    .put("/v1/projects/{id}/evidence/2022", project)
                    .then()
                    .statusCode(201);
        }
        return project;
    }

    private static List<Map<String, Object>> indicators() {
        return List.of(Map.of(
                "key",
                "phone-visits",
                "name",
                "电访",
                "unit",
                "个",
                "category",
                "OUTPUT",
                "target",
                "860",
                "actual",
                "886"));
    }

    private static Map<String, Object> evidence() {
        return Map.of(
                "resources",
                List.of(Map.of("type", "FUNDS", "value", "109157.51")),
                "dutyOffsets",
                List.of(),
                "complaints",
                Map.of("received", 0),
                "honours",
                List.of());
    }

    private static Map<String, Object> finding() {
        return Map.of("kind", "FINDING", "category", "PROJECT_MANAGEMENT", "title", "矩阵问题", "text", "矩阵测试");
    }

    /** An OPEN evaluation whose satisfaction roster is uploaded (sample ETag "1"). */
    private static String withRoster() {
        String evaluation = world.openEvaluation("FINAL");
        Api.raw()
                .auth()
                .oauth2(world.assessorToken())
                .contentType("text/csv")
                .header("If-Match", "\"0\"")
                .body(ROSTER)
                .put("/v1/evaluations/{id}/samples/SATISFACTION/roster", evaluation)
                .then()
                .statusCode(200);
        return evaluation;
    }

    private static String partyOf(Who who) {
        return switch (who) {
            case BUREAU_OWN, BUREAU_FOREIGN -> "BUREAU";
            case STREET_OWN, STREET_FOREIGN -> "STREET_OFFICE";
            default -> "ASSESSOR";
        };
    }

    private static Map<String, Object> frameworkBody(String key) {
        return Map.of(
                "key",
                key,
                "name",
                "矩阵指标体系",
                "parties",
                List.of("BUREAU", "STREET_OFFICE", "ASSESSOR").stream()
                        .map(party -> Map.of(
                                "party",
                                party,
                                "dimensions",
                                List.of(Map.of(
                                        "code",
                                        "D1",
                                        "name",
                                        "维度",
                                        "items",
                                        List.of(Map.of("code", party + "-1", "name", "指标", "maxPoints", "100"))))))
                        .toList());
    }

    private static String draftFramework(String key) {
        return Api.as(world.bureauToken())
                .body(frameworkBody(key))
                .post("/v1/frameworks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String fullySubmitted() {
        String evaluation = world.openEvaluation("FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        return evaluation;
    }

    /** Submits the three parties' scores to the OPEN evaluation and finalizes it. */
    private static void finalize(String evaluation) {
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
    }

    private static String finalized() {
        String evaluation = fullySubmitted();
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        return evaluation;
    }

    @Test
    void everyOperationOfTheContractIsInTheMatrix() {
        OpenAPI spec = new OpenAPIV3Parser().read("openapi/openapi.yaml");
        Set<String> operations = new TreeSet<>();
        spec.getPaths()
                .values()
                .forEach(
                        path -> path.readOperations().forEach(operation -> operations.add(operation.getOperationId())));
        assertEquals(
                operations,
                new TreeSet<>(EXPECTED.keySet()),
                "every operation of openapi.yaml needs a row in the authorization matrix");
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAndOrganisationGetsExactlyItsAnswer() {
        return EXPECTED.entrySet().stream()
                .flatMap(row -> row.getValue().entrySet().stream()
                        .map(cell -> DynamicTest.dynamicTest(row.getKey() + " as " + cell.getKey(), () -> {
                            String token = token(cell.getKey());
                            int status = PROBES.get(row.getKey()).apply(cell.getKey(), token);
                            assertEquals(cell.getValue(), status, row.getKey() + " as " + cell.getKey());
                            if (WRITES.containsKey(row.getKey())) {
                                AuditEvents.assertRecorded(
                                        Api.lastRequestId(),
                                        status < 300 ? 1 : 0,
                                        row.getKey(),
                                        WRITES.get(row.getKey()),
                                        Tokens.subjectOf(token));
                            }
                        })));
    }

    /**
     * The write operations of the contract (every method but GET) and the object type each one's
     * audit event names: each answered 2xx appends exactly one event, with the caller as actor, in
     * its own transaction; each refused appends none.
     */
    /** POST operations that change nothing (they compute an answer from a request body). */
    static final Set<String> READS_BY_POST = Set.of("verifyAuditTrail");

    static final Map<String, String> WRITES = writes();

    private static Map<String, String> writes() {
        Map<String, String> objects = Map.ofEntries(
                Map.entry("createOrganisation", "organisation"),
                Map.entry("createProject", "project"),
                Map.entry("replaceProject", "project"),
                Map.entry("replaceBudgetLine", "budgetLine"),
                Map.entry("createFramework", "framework"),
                Map.entry("replaceFramework", "framework"),
                Map.entry("publishFramework", "framework"),
                Map.entry("createEvaluation", "evaluation"),
                Map.entry("openEvaluation", "evaluation"),
                Map.entry("finalizeEvaluation", "evaluation"),
                Map.entry("reopenEvaluation", "evaluation"),
                Map.entry("submitScores", "submission"),
                Map.entry("amendScores", "submission"),
                Map.entry("replaceIndicatorSet", "indicatorSet"),
                Map.entry("confirmIndicatorSet", "indicatorSet"),
                Map.entry("replaceYearEvidence", "yearEvidence"),
                Map.entry("replaceSamplePlan", "sample"),
                Map.entry("uploadRoster", "sample"),
                Map.entry("drawSample", "sample"),
                Map.entry("recordSampleResponse", "sampleResponse"),
                Map.entry("createFinding", "finding"),
                Map.entry("closeRectification", "rectification"),
                Map.entry("fileAppeal", "appeal"),
                Map.entry("ruleOnAppeal", "appeal"));
        OpenAPI spec = new OpenAPIV3Parser().read("openapi/openapi.yaml");
        Map<String, String> writes = new LinkedHashMap<>();
        spec.getPaths()
                .values()
                .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                    if (method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET
                            && !READS_BY_POST.contains(operation.getOperationId())) {
                        String object = objects.get(operation.getOperationId());
                        if (object == null) {
                            throw new IllegalStateException("write operation " + operation.getOperationId()
                                    + " names no audited object type here");
                        }
                        writes.put(operation.getOperationId(), object);
                    }
                }));
        return writes;
    }

    private static String token(Who who) {
        return switch (who) {
            case BUREAU_OWN -> world.bureauToken();
            case BUREAU_FOREIGN -> foreign.bureauToken();
            case STREET_OWN -> world.streetToken();
            case STREET_FOREIGN -> foreign.streetToken();
            case ASSESSOR_OWN -> world.assessorToken();
            case ASSESSOR_FOREIGN -> foreign.assessorToken();
            case AUDITOR_OWN -> world.auditorToken();
            case AUDITOR_FOREIGN -> foreign.auditorToken();
            case PROVIDER_OWN -> world.providerToken();
            case PROVIDER_FOREIGN -> foreign.providerToken();
        };
    }

    private static boolean isForeign(Who who) {
        return who.name().endsWith("FOREIGN");
    }

    private static String projectWithBudgetLine() {
        String id = world.createProject("矩阵预算项目");
        Api.as(world.streetToken())
                .body(Map.of("budget", "100.00", "executed", "50.00"))
                .put("/v1/projects/{id}/budget-lines/2022", id)
                .then()
                .statusCode(201);
        return id;
    }

    private static void probe(String operationId, BiFunction<Who, String, Integer> call, Map<Who, Integer> expected) {
        PROBES.put(operationId, call);
        EXPECTED.put(operationId, expected);
    }

    private static Map<Who, Integer> all(int status) {
        return expect(status, status, status, status, status, status, status, status, status, status);
    }

    private static Map<Who, Integer> expect(int... statuses) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, statuses[who.ordinal()]);
        }
        return expected;
    }
}
