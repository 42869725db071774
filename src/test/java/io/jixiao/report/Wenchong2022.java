package io.jixiao.report;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2022 Wenchong project of the seed report, built through the API in a test's own World the
 * way the parties do it (as the demo data does): budget line, contract indicators, year evidence,
 * the mid-term evaluation with its two findings and recommendations and a satisfaction sample,
 * the final evaluation closing those findings, both finalized (93.05 and 94.05, 优秀).
 */
public final class Wenchong2022 {

    static final String NAME = "文冲街社工服务站（家庭综合服务中心）运营项目";

    final World world;
    public final String project;
    String midTerm;
    String fin;
    final List<String> findings = new ArrayList<>();

    private Wenchong2022(World world, String project) {
        this.world = world;
        this.project = project;
    }

    public static Wenchong2022 build(World world) {
        Wenchong2022 w = new Wenchong2022(world, world.createProject(NAME));
        w.budget();
        w.indicators();
        w.evidence();
        w.midTerm = w.evaluation("MID_TERM", MID_TERM_SCORES);
        w.fin = w.evaluation("FINAL", FINAL_SCORES);
        return w;
    }

    // 2022 mid-term (May): bureau 95.00, street office 94.00, assessor 92.50 → 93.05 优秀.
    static final Map<String, String[][]> MID_TERM_SCORES = Map.of(
            "BUREAU", new String[][] {{"B1.1", "38"}, {"B1.2", "28.5"}, {"B1.3", "28.5"}},
            "STREET_OFFICE", new String[][] {{"S1.1", "38"}, {"S1.2", "28"}, {"S1.3", "28"}},
            "ASSESSOR",
                    new String[][] {
                        {"A1.1", "7.5"},
                        {"A1.2", "7.5"},
                        {"A2.1", "5.5"},
                        {"A2.2", "6"},
                        {"A3.1", "5.5"},
                        {"A3.2", "5.5"},
                        {"A4.1", "7.5"},
                        {"A4.2", "6.5"},
                        {"A5.1", "7.5"},
                        {"A5.2", "6"},
                        {"A5.3", "6.5"},
                        {"A5.4", "7.5"},
                        {"A6.1", "7"},
                        {"A6.2", "6.5"}
                    });

    // 2022 final (November): bureau 96.00, street office 95.00, assessor 93.50 → 94.05 优秀.
    static final Map<String, String[][]> FINAL_SCORES = Map.of(
            "BUREAU", new String[][] {{"B1.1", "39"}, {"B1.2", "28.5"}, {"B1.3", "28.5"}},
            "STREET_OFFICE", new String[][] {{"S1.1", "39"}, {"S1.2", "28"}, {"S1.3", "28"}},
            "ASSESSOR",
                    new String[][] {
                        {"A1.1", "8"},
                        {"A1.2", "7.5"},
                        {"A2.1", "5.5"},
                        {"A2.2", "6"},
                        {"A3.1", "5.5"},
                        {"A3.2", "6"},
                        {"A4.1", "7.5"},
                        {"A4.2", "6.5"},
                        {"A5.1", "7.5"},
                        {"A5.2", "6.5"},
                        {"A5.3", "6.5"},
                        {"A5.4", "7.5"},
                        {"A6.1", "7.5"},
                        {"A6.2", "5.5"}
                    });

    /** key, name, unit, target (null: none), actual — the domain brief's table. */
    static final String[][] INDICATORS = {
        {"phone-visits", "电访", "个", "860", "886"},
        {"home-visits", "探访", "个", "808", "810"},
        {"cases-opened", "个案接案", "个", "45", "55"},
        {"cases-closed", "个案完成", "个", "45", "35"},
        {"case-sessions", "个案服务节数", "节", "360", "290"},
        {"groups", "专业小组", "个", "12", "11"},
        {"group-sessions", "小组节数", "节", "72", "54"},
        {"group-participants", "小组服务人次", "人次", null, "510"},
        {"large-events", "大型社区活动", "个", "5", "4"},
        {"large-event-participants", "大型活动服务人次", "人次", null, "1885"},
        {"small-events", "中小型社区活动", "个", "17", "28"},
        {"small-event-participants", "中小型活动服务人次", "人次", "300", "1165"}
    };

    private void budget() {
        Api.as(world.streetToken())
                .body(Map.of("budget", "2400000.00", "executed", "2400000.00"))
                .put("/v1/projects/{id}/budget-lines/2022", project)
                .then()
                .statusCode(201);
    }

    private void indicators() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String[] r : INDICATORS) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key", r[0]);
            line.put("name", r[1]);
            line.put("unit", r[2]);
            line.put("category", "OUTPUT");
            if (r[3] != null) {
                line.put("target", r[3]);
            }
            line.put("actual", r[4]);
            list.add(line);
        }
        list.add(Map.of(
                "key",
                "complaints",
                "name",
                "服务对象投诉",
                "unit",
                "宗",
                "category",
                "BENEFIT",
                "target",
                "0",
                "actual",
                "0"));
        list.add(Map.of(
                "key",
                "satisfaction",
                "name",
                "服务对象满意度",
                "unit",
                "%",
                "category",
                "SATISFACTION",
                "target",
                "90",
                "actual",
                "95"));
        Api.as(world.streetToken())
                .body(Map.of("indicators", list))
                .put("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(201);
    }

    private void evidence() {
        Map<String, Object> body = Map.of(
                "resources",
                        List.of(
                                Map.of("type", "HUMAN", "description", "人力资源折合价值", "value", "619091.40"),
                                Map.of("type", "MATERIAL", "description", "链接物资折合价值", "value", "465884.37"),
                                Map.of("type", "FUNDS", "description", "链接资金", "value", "109157.51")),
                "dutyOffsets",
                        List.of(Map.of(
                                "name",
                                "2022年协助街道及社区疫情防控",
                                "socialWorkerPersonTimes",
                                1183,
                                "residentsServed",
                                List.of(
                                        Map.of("category", "社区疫情排查核酸检测", "count", 221037),
                                        Map.of("category", "流调", "count", 129763),
                                        Map.of("category", "疫苗接种", "count", 3250),
                                        Map.of("category", "社区防疫宣传", "count", 1560),
                                        Map.of("category", "其他防疫工作", "count", 2500)))),
                "complaints", Map.of("received", 0, "note", "本年度未收到服务对象投诉"),
                "honours",
                        List.of(
                                Map.of("title", "洋城家政基层站获评\"南粤家政\"示范站"),
                                Map.of("title", "\"困境人士社区就业\"项目获广州社工服务品牌项目称号"),
                                Map.of("title", "2021-2022年黄埔区五四红旗团（总）支部")));
        Api.as(world.streetToken())
                .body(body)
                .put("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(201);
    }

    private String evaluation(String phase, Map<String, String[][]> scores) {
        String id = world.openEvaluation(project, phase);
        for (String party : List.of("BUREAU", "STREET_OFFICE", "ASSESSOR")) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String[] line : scores.get(party)) {
                lines.add(Map.of("item", line[0], "score", line[1]));
            }
            Api.as(world.tokenOf(party))
                    .body(Map.of("party", party, "scores", lines))
                    .post("/v1/evaluations/{id}/submissions", id)
                    .then()
                    .statusCode(201);
        }
        if ("MID_TERM".equals(phase)) {
            recordFindings(id);
        } else {
            rectify(id);
            String etag = Api.as(world.assessorToken())
                    .get("/v1/projects/{id}/indicators/2022", project)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            Api.as(world.assessorToken())
                    .header("If-Match", etag)
                    .post("/v1/projects/{id}/indicators/2022/confirmation", project)
                    .then()
                    .statusCode(200);
        }
        satisfactionSample(id, phase);
        finalize(world, id);
        return id;
    }

    static void finalize(World world, String evaluation) {
        String etag = Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Api.as(world.bureauToken())
                .header("If-Match", etag)
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
    }

    private void recordFindings(String evaluation) {
        String first = finding(
                evaluation,
                "FINDING",
                "PROJECT_MANAGEMENT",
                "项目的研究和宣传力度有待加强",
                "项目在本年度的研究力度不足，未能及时对服务的效果、服务模式等内容进行总结和反思。",
                null);
        String second = finding(
                evaluation,
                "FINDING",
                "PROJECT_MANAGEMENT",
                "购买社工站项目业务与双百政策结合不足",
                "社工站对双百工程新政策不熟悉，在项目推进过程中没能有效整合。",
                null);
        findings.add(first);
        findings.add(second);
        finding(evaluation, "RECOMMENDATION", "PROJECT_MANAGEMENT", "做好年度宣传计划，凝练服务模式", "社工站要做好年度宣传计划，计划要求全街覆盖。", first);
        finding(evaluation, "RECOMMENDATION", "PROJECT_MANAGEMENT", "按照省、市部署推进双百工程", "完善政策学习计划、落实和考核措施。", second);
        finding(evaluation, "RECOMMENDATION", "PERFORMANCE_MANAGEMENT", "继续沿用现行绩效目标编制方式", "目标明确、细化清晰、量化到位。", null);
    }

    private String finding(
            String evaluation, String kind, String category, String title, String text, String addresses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("category", category);
        body.put("title", title);
        body.put("text", text);
        if (addresses != null) {
            body.put("addresses", addresses);
        }
        return Api.as(world.assessorToken())
                .body(body)
                .post("/v1/evaluations/{id}/findings", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void rectify(String fin) {
        Api.as(world.assessorToken())
                .body(Map.of("status", "PARTIALLY_RESOLVED", "evidence", "已制定覆盖全街的年度宣传计划；典型案例与服务指引的总结仍在进行。"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, findings.get(0))
                .then()
                .statusCode(201);
        Api.as(world.assessorToken())
                .body(Map.of("status", "RESOLVED", "evidence", "社工站已完成双百政策学习计划并纳入考核，兜底服务对象实现全覆盖。"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, findings.get(1))
                .then()
                .statusCode(201);
    }

    /** 20 interviews (15 service users, 5 partners), the first one not satisfied: 95.00 %. */
    static void satisfactionSample(World world, String evaluation, String phase, int unsatisfied) {
        String base = "/v1/evaluations/{id}/samples/SATISFACTION";
        StringBuilder csv = new StringBuilder("code,stratum\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(String.format("WC-U%03d,SERVICE_USER%n", i));
        }
        for (int i = 1; i <= 8; i++) {
            csv.append(String.format("WC-P%02d,COMMITTEE_PARTNER%n", i));
        }
        Api.raw()
                .auth()
                .oauth2(world.assessorToken())
                .contentType("text/csv")
                .header("If-Match", "\"0\"")
                .body(csv.toString())
                .put(base + "/roster", evaluation)
                .then()
                .statusCode(200);
        Response drawn = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "2022-wenchong-" + phase.toLowerCase()))
                .post(base + "/draw", evaluation);
        drawn.then().statusCode(200);
        List<String> codes = new ArrayList<>(drawn.<List<String>>path("draw.strata[0].selected"));
        codes.addAll(drawn.<List<String>>path("draw.strata[1].selected"));
        String date = "MID_TERM".equals(phase) ? "2022-05-20" : "2022-11-15";
        for (int i = 0; i < codes.size(); i++) {
            int rating = i < unsatisfied ? 3 : (i % 3 == 0 ? 4 : 5);
            Api.as(world.assessorToken())
                    .body(Map.of("code", codes.get(i), "rating", rating, "interviewedOn", date))
                    .post(base + "/responses", evaluation)
                    .then()
                    .statusCode(201);
        }
    }

    private void satisfactionSample(String evaluation, String phase) {
        satisfactionSample(world, evaluation, phase, 1);
    }
}
