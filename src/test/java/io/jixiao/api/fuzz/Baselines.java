package io.jixiao.api.fuzz;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A valid request for every operation of the contract, made by a caller allowed to make it, on
 * real objects of one {@link World} (projects, open and finalized evaluations, a draft
 * framework, samples with a roster and a draw, a mid-term finding). The fuzz test mutates these.
 */
final class Baselines {

    /** Rosters of the policy plans' strata, per sample kind. */
    static final Map<String, String> ROSTERS = Map.of(
            "SATISFACTION", "code,stratum\nS01,SERVICE_USER\nS02,SERVICE_USER\nC01,COMMITTEE_PARTNER\n",
            "AWARENESS", "code,stratum\nK01,KEY_CLIENT\nG01,GENERAL_CLIENT\nR01,NEARBY_RESIDENT\n");

    final World world;
    final String project;
    final String freshProject;
    final String openFinal;
    final String midTerm;
    final String finding;
    final String finalized;
    final String draftEvaluation;
    final String appealable;
    final String appealed;
    final String appeal;
    final String draftFramework;
    final String draftFrameworkKey;
    private final Map<String, Function<String, FuzzRequest>> builders = new LinkedHashMap<>();

    Baselines() {
        world = World.create();
        project = world.createProject("模糊测试项目");
        Api.as(world.streetToken())
                .body(Map.of("budget", "2400000.00", "executed", "1200000.00"))
                .put("/v1/projects/{id}/budget-lines/2022", project)
                .then()
                .statusCode(201);
        Api.as(world.streetToken())
                .body(Map.of("indicators", indicators()))
                .put("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(201);
        Api.as(world.streetToken())
                .body(evidence())
                .put("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(201);
        openFinal = world.openEvaluation(project, "FINAL");
        midTerm = world.openEvaluation(project, "MID_TERM");
        finding = Api.as(world.assessorToken())
                .body(Map.of(
                        "kind",
                        "FINDING",
                        "category",
                        "PROJECT_MANAGEMENT",
                        "title",
                        "项目宣传力度有待加强",
                        "text",
                        "未能及时总结服务成效。"))
                .post("/v1/evaluations/{id}/findings", midTerm)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String kind : List.of("SATISFACTION", "AWARENESS")) {
            Api.raw()
                    .auth()
                    .oauth2(world.assessorToken())
                    .contentType("text/csv")
                    .header("If-Match", "\"0\"")
                    .body(ROSTERS.get(kind))
                    .put("/v1/evaluations/{id}/samples/{kind}/roster", openFinal, kind)
                    .then()
                    .statusCode(200);
        }
        Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "fuzz-2022"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", openFinal)
                .then()
                .statusCode(200);
        world.submit(openFinal, "BUREAU", "95");

        String second = world.createProject("模糊测试项目（已定稿）");
        finalized = world.openEvaluation(second, "FINAL");
        world.submit(finalized, "BUREAU", "95");
        world.submit(finalized, "STREET_OFFICE", "94");
        world.submit(finalized, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", finalized)
                .then()
                .statusCode(200);
        appealable = finalizedEvaluation("模糊测试项目（申诉）");
        appealed = finalizedEvaluation("模糊测试项目（已申诉）");
        appeal = Api.as(world.providerToken())
                .body(appealBody())
                .post("/v1/evaluations/{id}/appeals", appealed)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        draftEvaluation = world.createEvaluation(second, 2022, "MID_TERM");
        freshProject = world.createProject("模糊测试项目（待评估）");
        draftFrameworkKey = "FZ-" + UUID.randomUUID().toString().substring(0, 8);
        draftFramework = Api.as(world.bureauToken())
                .body(frameworkBody(draftFrameworkKey))
                .post("/v1/frameworks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        define();
    }

    private String finalizedEvaluation(String name) {
        String evaluation = world.openEvaluation(world.createProject(name), "FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        return evaluation;
    }

    private static Map<String, Object> appealBody() {
        return Map.of(
                "summary",
                "对第三方评分有异议。",
                "grounds",
                List.of(Map.of("target", "PARTY", "reference", "ASSESSOR", "statement", "补交的个案记录未被采纳。")));
    }

    /** The valid request of the operation, or null when there is none (a gap the test reports). */
    FuzzRequest of(String operationId, String method, String pathTemplate) {
        Function<String, FuzzRequest> builder = builders.get(operationId);
        if (builder == null) {
            return null;
        }
        FuzzRequest request = builder.apply(pathTemplate);
        if (!request.method.equalsIgnoreCase(method)) {
            throw new IllegalStateException(operationId + ": baseline method " + request.method + " ≠ " + method);
        }
        return request;
    }

    private void define() {
        String bureau = world.bureauToken();
        String street = world.streetToken();
        String assessor = world.assessorToken();

        get("getCurrentUser", bureau, Map.of());
        get("listOrganisations", bureau, Map.of());
        get("getOrganisation", bureau, Map.of("organisationCode", world.provider));
        write(
                "createOrganisation",
                "POST",
                bureau,
                Map.of(),
                null,
                Map.of(
                        "code",
                        "FZ-" + suffix(),
                        "type",
                        "STREET_OFFICE",
                        "name",
                        "模糊测试街道办事处",
                        "nameEn",
                        "Fuzz Street Office",
                        "district",
                        world.district,
                        "street",
                        "模糊街道"));
        get("listProjects", street, Map.of());
        write("createProject", "POST", street, Map.of(), null, world.projectBody("模糊新项目"));
        get("getProject", street, Map.of("projectId", project));
        Map<String, Object> update = new LinkedHashMap<>(world.projectBody("模糊测试项目"));
        update.put("status", "ACTIVE");
        write("replaceProject", "PUT", street, Map.of("projectId", project), "\"0\"", update);
        get("listBudgetLines", street, Map.of("projectId", project));
        get("getBudgetLine", street, Map.of("projectId", project, "fiscalYear", "2022"));
        write(
                "replaceBudgetLine",
                "PUT",
                street,
                Map.of("projectId", project, "fiscalYear", "2022"),
                "\"0\"",
                Map.of("budget", "2400000.00", "executed", "2400000.00"));
        get("listFrameworks", bureau, Map.of());
        write("createFramework", "POST", bureau, Map.of(), null, frameworkBody("FZ-" + suffix()));
        get("getFramework", bureau, Map.of("frameworkId", Scores.DEFAULT_FRAMEWORK));
        write(
                "replaceFramework",
                "PUT",
                bureau,
                Map.of("frameworkId", draftFramework),
                "\"0\"",
                frameworkBody(draftFrameworkKey));
        write("publishFramework", "POST", bureau, Map.of("frameworkId", draftFramework), "\"0\"", null);
        get("listEvaluations", bureau, Map.of());
        write(
                "createEvaluation",
                "POST",
                bureau,
                Map.of(),
                null,
                Map.of(
                        "projectId",
                        freshProject,
                        "fiscalYear",
                        2022,
                        "phase",
                        "FINAL",
                        "frameworkId",
                        Scores.DEFAULT_FRAMEWORK,
                        "assessor",
                        world.assessor,
                        "weights",
                        Map.of("bureau", "10.00", "streetOffice", "20.00", "assessor", "70.00"),
                        "disagreementThreshold",
                        "15.00"));
        get("getEvaluation", bureau, Map.of("evaluationId", openFinal));
        write("openEvaluation", "POST", bureau, Map.of("evaluationId", draftEvaluation), "\"0\"", null);
        write(
                "finalizeEvaluation",
                "POST",
                bureau,
                Map.of("evaluationId", openFinal),
                "\"1\"",
                Map.of("note", "三方评分差异已核实。"));
        write(
                "reopenEvaluation",
                "POST",
                bureau,
                Map.of("evaluationId", finalized),
                "\"2\"",
                Map.of("reason", "审计发现计分有误，需重新评分。"));
        get("listEvaluationTransitions", bureau, Map.of("evaluationId", finalized));
        get("getEvaluationResult", bureau, Map.of("evaluationId", finalized));
        get("listSubmissions", bureau, Map.of("evaluationId", openFinal));
        Map<String, Object> submission = new LinkedHashMap<>(Scores.submission("ASSESSOR", "90", assessor));
        submission.put("comment", "现场核查后评分。");
        write("submitScores", "POST", assessor, Map.of("evaluationId", openFinal), null, submission);
        get("getSubmission", bureau, Map.of("evaluationId", finalized, "party", "ASSESSOR"));
        Map<String, Object> amendment = new LinkedHashMap<>(Scores.amendment("BUREAU", "91", "补充核查后调整。", bureau));
        amendment.put("comment", "调整第一项。");
        write("amendScores", "PUT", bureau, Map.of("evaluationId", openFinal, "party", "BUREAU"), "\"0\"", amendment);
        get("listSubmissionRevisions", bureau, Map.of("evaluationId", finalized, "party", "ASSESSOR"));
        get("getIndicatorSet", street, Map.of("projectId", project, "fiscalYear", "2022"));
        write(
                "replaceIndicatorSet",
                "PUT",
                street,
                Map.of("projectId", project, "fiscalYear", "2022"),
                "\"0\"",
                Map.of("indicators", indicators()));
        write(
                "confirmIndicatorSet",
                "POST",
                assessor,
                Map.of("projectId", project, "fiscalYear", "2022"),
                "\"0\"",
                null);
        get("getYearEvidence", street, Map.of("projectId", project, "fiscalYear", "2022"));
        write(
                "replaceYearEvidence",
                "PUT",
                street,
                Map.of("projectId", project, "fiscalYear", "2022"),
                "\"0\"",
                evidence());
        get("getSample", bureau, Map.of("evaluationId", openFinal, "kind", "SATISFACTION"));
        write(
                "replaceSamplePlan",
                "PUT",
                assessor,
                Map.of("evaluationId", openFinal, "kind", "AWARENESS"),
                "\"1\"",
                Map.of(
                        "strata",
                        List.of(
                                Map.of("code", "KEY_CLIENT", "name", "重点及兜底类服务对象", "quota", 2, "reserves", 1),
                                Map.of("code", "GENERAL_CLIENT", "name", "一般服务对象", "quota", 1, "reserves", 0))));
        builders.put("uploadRoster", template -> {
            FuzzRequest request = new FuzzRequest("uploadRoster", "PUT", template)
                    .path("evaluationId", openFinal)
                    .path("kind", "AWARENESS")
                    .header("Authorization", "Bearer " + assessor)
                    .header("Accept", "application/json")
                    .header("If-Match", "\"1\"")
                    .header("Content-Type", "text/csv");
            request.rawBody = ROSTERS.get("AWARENESS").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return request;
        });
        write(
                "drawSample",
                "POST",
                assessor,
                Map.of("evaluationId", openFinal, "kind", "AWARENESS"),
                "\"1\"",
                Map.of("seed", "fuzz-awareness"));
        get("listSampleResponses", bureau, Map.of("evaluationId", openFinal, "kind", "SATISFACTION"));
        write(
                "recordSampleResponse",
                "POST",
                assessor,
                Map.of("evaluationId", openFinal, "kind", "SATISFACTION"),
                null,
                Map.of(
                        "code",
                        "S01",
                        "refused",
                        false,
                        "rating",
                        5,
                        "noAnswer",
                        false,
                        "interviewer",
                        world.assessor,
                        "interviewedOn",
                        "2022-11-12"));
        get("getSampleResults", bureau, Map.of("evaluationId", openFinal, "kind", "SATISFACTION"));
        get("listFindings", bureau, Map.of("evaluationId", midTerm));
        write(
                "createFinding",
                "POST",
                assessor,
                Map.of("evaluationId", midTerm),
                null,
                Map.of(
                        "kind",
                        "RECOMMENDATION",
                        "category",
                        "PROJECT_MANAGEMENT",
                        "title",
                        "加强宣传",
                        "text",
                        "制定年度宣传计划。",
                        "addresses",
                        finding));
        get("getFinding", bureau, Map.of("evaluationId", midTerm, "findingId", finding));
        String provider = world.providerToken();
        get("listAppeals", provider, Map.of("evaluationId", appealed));
        get("getAppeal", provider, Map.of("evaluationId", appealed, "appealId", appeal));
        write("fileAppeal", "POST", provider, Map.of("evaluationId", appealable), null, appealBody());
        write(
                "ruleOnAppeal",
                "POST",
                bureau,
                Map.of("evaluationId", appealed, "appealId", appeal),
                "\"0\"",
                Map.of("decision", "REJECTED", "rationale", "经复核，原评分有据。"));
        get("getPerformanceReport", bureau, Map.of("projectId", project, "fiscalYear", "2022"));
        get("getGradeAnalytics", bureau, Map.of());
        get("getPartyScoreAnalytics", bureau, Map.of());
        get("getIndicatorCompletionAnalytics", bureau, Map.of());
        get("getSampleAnalytics", bureau, Map.of());
        get("getRectificationAnalytics", bureau, Map.of());
        builders.put(
                "exportDataset",
                template -> new FuzzRequest("exportDataset", "GET", template)
                        .path("dataset", "evaluations")
                        .header("Authorization", "Bearer " + bureau)
                        .header("Accept", "text/csv"));
        get("listRectifications", bureau, Map.of("evaluationId", openFinal));
        String auditor = world.auditorToken();
        get("listAuditEvents", auditor, Map.of());
        write("verifyAuditTrail", "POST", auditor, Map.of(), null, null);
        get("listChangeEvents", street, Map.of());
        // the stream answers text/event-stream (ended by the test profile's short jixiao.events.max-stream)
        builders.put(
                "streamChangeEvents",
                template -> new FuzzRequest("streamChangeEvents", "GET", template)
                        .header("Authorization", "Bearer " + street)
                        .header("Accept", "text/event-stream"));
        write(
                "closeRectification",
                "PUT",
                assessor,
                Map.of("evaluationId", openFinal, "findingId", finding),
                null,
                Map.of("status", "PARTIALLY_RESOLVED", "evidence", "已制定宣传计划。"));
    }

    private void get(String operationId, String token, Map<String, String> path) {
        write(operationId, "GET", token, path, null, null);
    }

    private void write(
            String operationId, String method, String token, Map<String, String> path, String ifMatch, Object body) {
        builders.put(operationId, template -> {
            FuzzRequest request = new FuzzRequest(operationId, method, template)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            path.forEach(request::path);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body != null) {
                request.json(body);
            }
            return request;
        });
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static List<Map<String, Object>> indicators() {
        return List.of(
                Map.of(
                        "key",
                        "phone-visits",
                        "name",
                        "电访",
                        "nameEn",
                        "Phone visits",
                        "unit",
                        "个",
                        "category",
                        "OUTPUT",
                        "target",
                        "860",
                        "actual",
                        "886"),
                Map.of(
                        "key",
                        "group-participants",
                        "name",
                        "小组服务人次",
                        "unit",
                        "人次",
                        "category",
                        "OUTPUT",
                        "actual",
                        "510"));
    }

    static Map<String, Object> evidence() {
        return Map.of(
                "resources",
                        List.of(
                                Map.of("type", "HUMAN", "description", "志愿者服务折算", "value", "619091.40"),
                                Map.of("type", "FUNDS", "value", "109157.51")),
                "dutyOffsets",
                        List.of(Map.of(
                                "name",
                                "2022年疫情防控",
                                "socialWorkerPersonTimes",
                                1183,
                                "residentsServed",
                                List.of(Map.of("category", "核酸检测排查", "count", 221037)))),
                "complaints", Map.of("received", 0, "note", "无"),
                "honours", List.of(Map.of("title", "广州社工服务品牌项目", "awardedBy", "广州市社会工作协会", "awardedOn", "2022-06-30")));
    }

    static Map<String, Object> frameworkBody(String key) {
        return Map.of(
                "key",
                key,
                "name",
                "模糊测试指标体系",
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
                                        "nameEn",
                                        "Dimension",
                                        "assumed",
                                        false,
                                        "items",
                                        List.of(Map.of("code", party + "-1", "name", "指标", "maxPoints", "100"))))))
                        .toList());
    }
}
