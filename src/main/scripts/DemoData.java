/*
 * Loads the Jixiao demo data (Huangpu district, Guangzhou) through the public API.
 *
 *   java -Dfile.encoding=UTF-8 src/main/scripts/DemoData.java http://localhost:8080 http://localhost:8180/realms/jixiao
 *
 * Single-file program, JDK 17 classes only. Tokens come from the realm's password grant (client
 * jixiao-cli, demo users of k8s/base/keycloak/jixiao-realm.json, password jixiao-demo).
 * Re-running is harmless: existing organisations (409), the existing project and the existing
 * budget line are reused.
 *
 * The source contains Chinese text: on Java 17 the source launcher decodes it with the platform
 * charset, so pass -Dfile.encoding=UTF-8 unless the locale is UTF-8 (run.sh does). The program
 * refuses to run when the text was decoded wrongly instead of sending mojibake to the API.
 *
 * Adding a step: write a method like budgetLine() with the helpers post/put/get (they return
 * status, headers and body), call expect(...) on the result, and call the method from main.
 */

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DemoData {

    static final String CLIENT_ID = "jixiao-cli";
    static final String PASSWORD = "jixiao-demo";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Tokens live 900 s; renew well before. */
    static final long TOKEN_REUSE_MILLIS = 600_000;

    static final String WENCHONG_PROJECT = "文冲街社工服务站（家庭综合服务中心）运营项目";

    static String apiBase;
    static String oidcBase;
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    static final Map<String, String> TOKENS = new HashMap<>();
    static final Map<String, Long> TOKEN_TIMES = new HashMap<>();
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -Dfile.encoding=UTF-8 DemoData.java <apiBase> <oidcRealmUrl>");
            System.err.println("  e.g. java -Dfile.encoding=UTF-8 DemoData.java http://localhost:8080 http://localhost:8180/realms/jixiao");
            System.exit(2);
        }
        if ("文冲".length() != 2) {
            System.err.println("demo data: this source was decoded with " + System.getProperty("file.encoding")
                    + ", not UTF-8; run it as: java -Dfile.encoding=UTF-8 DemoData.java ...");
            System.exit(2);
        }
        apiBase = stripSlash(args[0]);
        oidcBase = stripSlash(args[1]);
        try {
            organisations();
            String projectId = wenchongProject();
            budgetLine("wenchong", projectId, 2022, "2400000.00", "2400000.00");
            indicators(projectId);
            yearEvidence(projectId);
            evaluation(projectId, "MID_TERM", MID_TERM_SCORES);
            evaluation(projectId, "FINAL", FINAL_SCORES);
            step("done");
        } catch (StepFailed e) {
            System.err.println("demo data: FAILED: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("demo data: FAILED: " + e);
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- steps

    static void organisations() throws Exception {
        List<Map<String, Object>> orgs = List.of(
                org("HP-MZJ", "BUREAU", "广州市黄埔区民政局", "Huangpu District Civil Affairs Bureau", "黄埔区", null),
                org("HP-WC", "STREET_OFFICE", "广州市黄埔区人民政府文冲街道办事处", null, "黄埔区", "文冲街道"),
                org("HP-DS", "STREET_OFFICE", "广州市黄埔区人民政府大沙街道办事处", null, "黄埔区", "大沙街道"),
                org("GZ-SGX", "ASSESSOR", "广州市社会工作协会", "Guangzhou Social Work Association", "广州市", null),
                org("GZ-HX", "ASSESSOR", "广州市华行社会工作评估中心", null, "广州市", null),
                org("HP-YC", "SERVICE_PROVIDER", "广州市洋城社会工作服务中心", "Guangzhou Yangcheng Social Work Service Centre", "黄埔区", null),
                org("HP-SJJ", "AUDIT_OFFICE", "广州市黄埔区审计局", null, "黄埔区", null));
        for (Map<String, Object> o : orgs) {
            String code = (String) o.get("code");
            Resp r = post("/v1/organisations", "mzj", json(o), "Idempotency-Key", "demo-org-" + code);
            expect(r, "create organisation " + code, 201, 409);
            // 201 is also the answer to a re-run within 24 h: the Idempotency-Key replays the first create.
            step("organisation " + code + " " + o.get("name") + ": " + (r.status() == 201 ? "201 Created" : "409 already registered"));
        }
    }

    /** Finds or creates the Wenchong project; returns its id. */
    static String wenchongProject() throws Exception {
        Optional<String> existing = findProjectByName("wenchong", WENCHONG_PROJECT);
        if (existing.isPresent()) {
            step("project " + WENCHONG_PROJECT + ": already exists, id " + existing.get());
            return existing.get();
        }
        Map<String, Object> body = obj(
                "name", WENCHONG_PROJECT,
                "station", "文冲街社工服务站",
                "street", "文冲街道",
                "supervisor", "HP-MZJ",
                "provider", "HP-YC",
                "contractStart", "2018-10-16",
                "contractEnd", "2023-06-30",
                "communities", 8,
                "staffCount", 14);
        Resp r = post("/v1/projects", "wenchong", json(body), "Idempotency-Key", "demo-project-wenchong");
        expect(r, "create project", 201);
        String id = r.field("id").orElseThrow(() -> new StepFailed("create project: no id in " + r.body()));
        step("project " + WENCHONG_PROJECT + ": 201 Created, id " + id);
        return id;
    }

    /** Creates the budget line of a fiscal year, or replaces it (with If-Match) when it exists. */
    static void budgetLine(String user, String projectId, int year, String budget, String executed) throws Exception {
        String path = "/v1/projects/" + projectId + "/budget-lines/" + year;
        String body = json(obj("budget", budget, "executed", executed));
        Resp r = put(path, user, body);
        if (r.status() == 428) {
            Resp current = get(path, user);
            expect(current, "read budget line " + year, 200);
            String etag = current.header("ETag").orElseThrow(() -> new StepFailed("read budget line " + year + ": no ETag header"));
            r = put(path, user, body, "If-Match", etag);
            expect(r, "replace budget line " + year, 200);
            step("budget line " + year + ": 200 replaced, budget " + budget + ", executed " + executed);
        } else {
            expect(r, "create budget line " + year, 201);
            step("budget line " + year + ": 201 Created, budget " + budget + ", executed " + executed);
        }
    }

    static Optional<String> findProjectByName(String user, String name) throws Exception {
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String path = "/v1/projects?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Resp r = get(path, user);
            expect(r, "list projects", 200);
            for (String item : items(r.body())) {
                if (containsField(item, "name", name)) {
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(item);
                    if (id.find()) {
                        return Optional.of(id.group(1));
                    }
                }
            }
            Optional<String> next = r.field("nextCursor");
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cursor = next.get();
        }
        throw new StepFailed("list projects: too many pages");
    }

    /** The default Guangzhou framework shipped with the service (migration V4). */
    static final String DEFAULT_FRAMEWORK = "a0f1e2d3-0000-4000-8000-000000000001";

    /** Party → user who scores it, in the demo realm. */
    static final Map<String, String> SCORER = Map.of("BUREAU", "mzj", "STREET_OFFICE", "wenchong", "ASSESSOR", "sgx");

    /** 2022 mid-term (May): bureau 95.00, street office 94.00, assessor 92.50 → 93.05 优秀. */
    static final Map<String, String[][]> MID_TERM_SCORES = Map.of(
            "BUREAU", new String[][] { { "B1.1", "38" }, { "B1.2", "28.5" }, { "B1.3", "28.5" } },
            "STREET_OFFICE", new String[][] { { "S1.1", "38" }, { "S1.2", "28" }, { "S1.3", "28" } },
            "ASSESSOR", new String[][] { { "A1.1", "7.5" }, { "A1.2", "7.5" }, { "A2.1", "5.5" }, { "A2.2", "6" },
                    { "A3.1", "5.5" }, { "A3.2", "5.5" }, { "A4.1", "7.5" }, { "A4.2", "6.5" }, { "A5.1", "7.5" },
                    { "A5.2", "6" }, { "A5.3", "6.5" }, { "A5.4", "7.5" }, { "A6.1", "7" }, { "A6.2", "6.5" } });

    /** 2022 final (November): bureau 96.00, street office 95.00, assessor 93.50 → 94.05 优秀. */
    static final Map<String, String[][]> FINAL_SCORES = Map.of(
            "BUREAU", new String[][] { { "B1.1", "39" }, { "B1.2", "28.5" }, { "B1.3", "28.5" } },
            "STREET_OFFICE", new String[][] { { "S1.1", "39" }, { "S1.2", "28" }, { "S1.3", "28" } },
            "ASSESSOR", new String[][] { { "A1.1", "8" }, { "A1.2", "7.5" }, { "A2.1", "5.5" }, { "A2.2", "6" },
                    { "A3.1", "5.5" }, { "A3.2", "6" }, { "A4.1", "7.5" }, { "A4.2", "6.5" }, { "A5.1", "7.5" },
                    { "A5.2", "6.5" }, { "A5.3", "6.5" }, { "A5.4", "7.5" }, { "A6.1", "7.5" }, { "A6.2", "5.5" } });

    /**
     * The 2022 evaluation of a phase, through its whole lifecycle as the three parties would do it:
     * the bureau creates and opens it, each party submits, the bureau finalizes. Re-runs pick up
     * where an earlier run stopped.
     */
    static void evaluation(String projectId, String phase, Map<String, String[][]> scores) throws Exception {
        String id = findEvaluation(projectId, phase).orElse(null);
        if (id == null) {
            Resp r = post("/v1/evaluations", "mzj", json(obj("projectId", projectId, "fiscalYear", 2022, "phase", phase,
                    "frameworkId", DEFAULT_FRAMEWORK, "assessor", "GZ-SGX")), "Idempotency-Key", "demo-eval-2022-" + phase);
            expect(r, "create " + phase + " evaluation", 201);
            id = r.field("id").orElseThrow(() -> new StepFailed("create evaluation: no id"));
            step("evaluation 2022 " + phase + ": 201 Created, id " + id);
        }
        String path = "/v1/evaluations/" + id;
        Resp current = get(path, "mzj");
        expect(current, "read evaluation", 200);
        if ("DRAFT".equals(current.field("state").orElse(""))) {
            Resp opened = post(path + "/opening", "mzj", null, "If-Match", current.header("ETag").orElseThrow());
            expect(opened, "open " + phase + " evaluation", 200);
            step("evaluation 2022 " + phase + ": opened");
            current = opened;
        }
        if ("OPEN".equals(current.field("state").orElse(""))) {
            for (String party : List.of("BUREAU", "STREET_OFFICE", "ASSESSOR")) {
                List<Object> lines = new ArrayList<>();
                for (String[] line : scores.get(party)) {
                    lines.add(obj("item", line[0], "score", line[1]));
                }
                Resp r = post(path + "/submissions", SCORER.get(party), json(obj("party", party, "scores", lines)),
                        "Idempotency-Key", "demo-score-2022-" + phase + "-" + party);
                expect(r, "submit " + party + " scores", 201, 409);
                step("evaluation 2022 " + phase + ": " + party + " submitted as " + SCORER.get(party)
                        + (r.status() == 201 ? ", score " + r.field("score").orElse("?") : " (already)"));
            }
            if ("MID_TERM".equals(phase)) {
                findings(id);
            } else {
                rectifications(id);
                confirmIndicators(projectId);
            }
            satisfactionSample(id, phase);
            current = get(path, "mzj");
            Resp finalized = post(path + "/finalization", "mzj", null, "If-Match", current.header("ETag").orElseThrow());
            expect(finalized, "finalize " + phase + " evaluation", 200);
        }
        Resp result = get(path + "/result", "shenji");
        expect(result, "read result", 200);
        String grade = result.field("grade").orElse("?");
        step("evaluation 2022 " + phase + ": total " + result.field("total").orElse("?") + ", grade " + grade + " "
                + result.field("gradeLabel").orElse(""));
        if (!"EXCELLENT".equals(grade)) {
            throw new StepFailed("evaluation 2022 " + phase + " should be EXCELLENT, is " + grade);
        }
    }

    /** The 2022 contract indicators; the targets are those the report's percentages imply. */
    static void indicators(String projectId) throws Exception {
        String[][] rows = {
                { "phone-visits", "电访", "Phone visits", "个", "860", "886" },
                { "home-visits", "探访", "Home visits", "个", "808", "810" },
                { "cases-opened", "个案接案", "Cases opened", "个", "45", "55" },
                { "cases-closed", "个案完成", "Cases closed", "个", "45", "35" },
                { "case-sessions", "个案服务节数", "Case sessions", "节", "360", "290" },
                { "groups", "专业小组", "Groups", "个", "12", "11" },
                { "group-sessions", "小组节数", "Group sessions", "节", "72", "54" },
                { "group-participants", "小组服务人次", "Group participants", "人次", null, "510" },
                { "large-events", "大型社区活动", "Large community events", "个", "5", "4" },
                { "large-event-participants", "大型活动服务人次", "Large-event participants", "人次", null, "1885" },
                { "small-events", "中小型社区活动", "Small and medium events", "个", "17", "28" },
                { "small-event-participants", "中小型活动服务人次", "Small/medium-event participants", "人次", "300", "1165" } };
        List<Object> indicators = new ArrayList<>();
        for (String[] r : rows) {
            indicators.add(obj("key", r[0], "name", r[1], "nameEn", r[2], "unit", r[3], "category", "OUTPUT",
                    "target", r[4], "actual", r[5]));
        }
        indicators.add(obj("key", "complaints", "name", "服务对象投诉", "nameEn", "Complaints received", "unit", "宗",
                "category", "BENEFIT", "target", "0", "actual", "0"));
        indicators.add(obj("key", "satisfaction", "name", "服务对象满意度", "nameEn", "Client satisfaction", "unit", "%",
                "category", "SATISFACTION", "target", "90", "actual", "95"));
        Resp r = putOrReplace("/v1/projects/" + projectId + "/indicators/2022", "wenchong",
                json(obj("indicators", indicators)));
        step("contract indicators 2022: " + r.status() + ", e.g. phone visits " + completion(r.body(), "phone-visits")
                + " %, small/medium-event participants " + completion(r.body(), "small-event-participants") + " %");
    }

    static String completion(String body, String key) {
        Matcher m = Pattern.compile("\"key\":\"" + key + "\"[^}]*?\"completionRate\":\"([0-9.]+)\"").matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    /** Resources linked (近120万), the 2022 epidemic duty, no complaints, the honours. */
    static void yearEvidence(String projectId) throws Exception {
        Object body = obj(
                "resources", List.of(
                        obj("type", "HUMAN", "description", "人力资源折合价值", "value", "619091.40"),
                        obj("type", "MATERIAL", "description", "链接物资折合价值", "value", "465884.37"),
                        obj("type", "FUNDS", "description", "链接资金", "value", "109157.51")),
                "dutyOffsets", List.of(obj("name", "2022年协助街道及社区疫情防控", "socialWorkerPersonTimes", 1183,
                        "residentsServed", List.of(
                                obj("category", "社区疫情排查核酸检测", "count", 221037),
                                obj("category", "流调", "count", 129763),
                                obj("category", "疫苗接种", "count", 3250),
                                obj("category", "社区防疫宣传", "count", 1560),
                                obj("category", "其他防疫工作", "count", 2500)))),
                "complaints", obj("received", 0, "note", "本年度未收到服务对象投诉"),
                "honours", List.of(
                        obj("title", "洋城家政基层站获评\"南粤家政\"示范站"),
                        obj("title", "\"困境人士社区就业\"项目获广州社工服务品牌项目称号"),
                        obj("title", "2021-2022年黄埔区五四红旗团（总）支部")));
        Resp r = putOrReplace("/v1/projects/" + projectId + "/evidence/2022", "wenchong", json(body));
        Matcher total = Pattern.compile("\"total\":\"([0-9.]+)\"").matcher(r.body());
        step("evidence 2022: " + r.status() + ", resources linked " + (total.find() ? total.group(1) : "?") + " CNY");
    }

    /** PUT that creates, or replaces with the current ETag when the object exists (428). */
    static Resp putOrReplace(String path, String user, String body) throws Exception {
        Resp r = put(path, user, body);
        if (r.status() == 428) {
            Resp current = get(path, user);
            expect(current, "read " + path, 200);
            r = put(path, user, body, "If-Match", current.header("ETag").orElseThrow());
        }
        expect(r, "write " + path, 200, 201);
        return r;
    }

    /** The report's two findings, their recommendations, and the other recommendation categories. */
    static void findings(String evaluationId) throws Exception {
        String first = finding(evaluationId, "FINDING", "PROJECT_MANAGEMENT", "项目的研究和宣传力度有待加强",
                "社工站14名专业人员对服务秉持初心，服务取得一定效果；但项目在本年度的研究力度不足，未能及时对服务的效果、服务模式等内容进行总结和反思。",
                null, "f1");
        String second = finding(evaluationId, "FINDING", "PROJECT_MANAGEMENT", "购买社工站项目业务与双百政策结合不足",
                "社工站对省、市推进的双百工程新政策不熟悉，在项目推进过程中没能有效整合，导致社工团队对服务框架模糊、服务对象对政策不清晰。",
                null, "f2");
        finding(evaluationId, "RECOMMENDATION", "PROJECT_MANAGEMENT", "做好年度宣传计划，凝练服务模式",
                "社工站要做好年度宣传计划，计划要求全街覆盖，进一步扩大社工服务的知晓度和满意度；根据已开展的服务总结指引和典型案例，加强可视化呈现。",
                first, "r1");
        finding(evaluationId, "RECOMMENDATION", "PROJECT_MANAGEMENT", "按照省、市部署推进双百工程",
                "完善政策学习计划、落实和考核措施，确保购买项目与双百社工站有效整合；提高社工对兜底服务对象相关政策的知晓和运用。",
                second, "r2");
        finding(evaluationId, "RECOMMENDATION", "PERFORMANCE_MANAGEMENT", "继续沿用现行绩效目标编制方式",
                "2022年度绩效目标的编制能够结合社工站评估管理办法与项目服务协议，目标明确、细化清晰、量化到位。", null, "r3");
        finding(evaluationId, "RECOMMENDATION", "OTHER", "其他方面", "暂无。", null, "r4");
    }

    static String finding(String evaluationId, String kind, String category, String title, String text, String addresses,
            String key) throws Exception {
        Resp r = post("/v1/evaluations/" + evaluationId + "/findings", "sgx", json(obj("kind", kind, "category", category,
                "title", title, "text", text, "addresses", addresses)), "Idempotency-Key", "demo-finding-2022-" + key);
        expect(r, "record " + kind + " " + title, 201);
        step("mid-term " + kind.toLowerCase() + ": " + title);
        return r.field("id").orElseThrow();
    }

    /** The final evaluation closes the mid-term findings (整改). */
    static void rectifications(String evaluationId) throws Exception {
        Resp list = get("/v1/evaluations/" + evaluationId + "/rectifications", "sgx");
        expect(list, "list rectifications", 200);
        for (String item : items(list.body())) {
            Matcher id = Pattern.compile("\"finding\":\\{\"id\":\"([^\"]+)\"").matcher(item);
            if (!id.find() || item.contains("\"status\"")) {
                continue;
            }
            boolean research = item.contains("宣传");
            Resp r = put("/v1/evaluations/" + evaluationId + "/rectifications/" + id.group(1), "sgx", json(obj(
                    "status", research ? "PARTIALLY_RESOLVED" : "RESOLVED",
                    "evidence", research ? "已制定覆盖全街的年度宣传计划；典型案例与服务指引的总结仍在进行。"
                            : "社工站已完成双百政策学习计划并纳入考核，兜底服务对象实现全覆盖。")));
            expect(r, "close rectification", 201, 200);
            step("final evaluation: rectification " + (research ? "PARTIALLY_RESOLVED" : "RESOLVED"));
        }
    }

    static void confirmIndicators(String projectId) throws Exception {
        String path = "/v1/projects/" + projectId + "/indicators/2022";
        Resp current = get(path, "sgx");
        expect(current, "read indicators", 200);
        Resp r = post(path + "/confirmation", "sgx", null, "If-Match", current.header("ETag").orElseThrow());
        expect(r, "confirm indicators", 200);
        step("final evaluation: contract indicators confirmed by sgx (GZ-SGX)");
    }

    /**
     * A satisfaction sample: a roster of pseudonymous codes, a draw with a recorded seed, and 20
     * interviews of which 19 are satisfied — the report's 95 %.
     */
    static void satisfactionSample(String evaluationId, String phase) throws Exception {
        String base = "/v1/evaluations/" + evaluationId + "/samples/SATISFACTION";
        Resp sample = get(base, "sgx");
        expect(sample, "read sample", 200);
        if (!sample.body().contains("\"roster\"")) {
            StringBuilder csv = new StringBuilder("code,stratum\n");
            for (int i = 1; i <= 60; i++) {
                csv.append(String.format("WC-U%03d,SERVICE_USER%n", i));
            }
            for (int i = 1; i <= 9; i++) {
                csv.append(String.format("WC-P%02d,COMMITTEE_PARTNER%n", i));
            }
            sample = send("PUT", base + "/roster", "sgx", null, "Content-Type", "text/csv", "If-Match",
                    sample.header("ETag").orElseThrow(), "X-Body", csv.toString());
            expect(sample, "upload roster", 200);
        }
        if (!sample.body().contains("\"draw\"")) {
            sample = post(base + "/draw", "sgx", json(obj("seed", "2022-wenchong-" + phase.toLowerCase())), "If-Match",
                    sample.header("ETag").orElseThrow());
            expect(sample, "draw sample", 200);
        }
        String date = "MID_TERM".equals(phase) ? "2022-05-20" : "2022-11-15";
        int interviewed = 0;
        for (String stratum : List.of("SERVICE_USER", "COMMITTEE_PARTNER")) {
            Matcher m = Pattern.compile("\"stratum\":\"" + stratum + "\",\"quota\":\\d+,\"available\":\\d+,\"selected\":\\[([^\\]]*)\\]")
                    .matcher(sample.body());
            if (!m.find()) {
                throw new StepFailed("draw of " + stratum + " not found in " + sample.body());
            }
            for (String quoted : m.group(1).split(",")) {
                String code = quoted.replace("\"", "").trim();
                int rating = interviewed == 0 ? 3 : (interviewed % 3 == 0 ? 4 : 5);
                Resp r = post(base + "/responses", "sgx", json(obj("code", code, "rating", rating, "interviewedOn", date)));
                expect(r, "record response " + code, 201, 409);
                interviewed++;
            }
        }
        Resp results = get(base + "/results", "wenchong");
        expect(results, "sample results", 200);
        Matcher overall = Pattern.compile("\"overall\":\\{[^}]*\"rate\":\"([0-9.]+)\"").matcher(results.body());
        step("evaluation 2022 " + phase + ": satisfaction sample of " + interviewed + " interviews, rate "
                + (overall.find() ? overall.group(1) : "?") + " %");
    }

    static Optional<String> findEvaluation(String projectId, String phase) throws Exception {
        Resp r = get("/v1/evaluations?fiscalYear=2022&phase=" + phase + "&projectId=" + projectId, "mzj");
        expect(r, "list evaluations", 200);
        for (String item : items(r.body())) {
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(item);
            if (id.find()) {
                return Optional.of(id.group(1));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- HTTP helpers

    record Resp(int status, HttpHeaders headers, String body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The first top-level-ish string field of that name (enough for the flat JSON read here). */
        Optional<String> field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
            return m.find() ? Optional.of(unescapeUnicode(m.group(1))) : Optional.empty();
        }
    }

    static class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }

    /** Password-grant access token of a demo user, cached for a while. */
    static String token(String user) throws Exception {
        Long at = TOKEN_TIMES.get(user);
        if (at != null && System.currentTimeMillis() - at < TOKEN_REUSE_MILLIS) {
            return TOKENS.get(user);
        }
        String form = "grant_type=password"
                + "&client_id=" + enc(CLIENT_ID)
                + "&username=" + enc(user)
                + "&password=" + enc(PASSWORD);
        HttpRequest req = HttpRequest.newBuilder(URI.create(oidcBase + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Resp r = new Resp(res.statusCode(), res.headers(), res.body());
        expect(r, "token for " + user, 200);
        String token = r.field("access_token").orElseThrow(() -> new StepFailed("token for " + user + ": no access_token in answer"));
        TOKENS.put(user, token);
        TOKEN_TIMES.put(user, System.currentTimeMillis());
        return token;
    }

    static Resp get(String path, String user, String... headers) throws Exception {
        return send("GET", path, user, null, headers);
    }

    static Resp post(String path, String user, String json, String... headers) throws Exception {
        return send("POST", path, user, json, headers);
    }

    static Resp put(String path, String user, String json, String... headers) throws Exception {
        return send("PUT", path, user, json, headers);
    }

    static Resp delete(String path, String user, String... headers) throws Exception {
        return send("DELETE", path, user, null, headers);
    }

    /** headers: name, value, name, value, ... */
    static Resp send(String method, String path, String user, String json, String... headers) throws Exception {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        String raw = null;
        for (int i = 0; i < headers.length; i += 2) {
            if ("X-Body".equals(headers[i])) {
                raw = headers[i + 1]; // a body sent as is, with the Content-Type given among the headers
            } else {
                b.header(headers[i], headers[i + 1]);
            }
        }
        if (raw != null) {
            b.method(method, HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8));
        } else if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(res.statusCode(), res.headers(), res.body());
    }

    static void expect(Resp r, String what, int... statuses) {
        for (int s : statuses) {
            if (r.status() == s) {
                return;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (int s : statuses) {
            expected.append(expected.length() == 0 ? "" : " or ").append(s);
        }
        throw new StepFailed(what + ": expected " + expected + ", got " + r.status() + "\n" + r.body());
    }

    static void step(String message) {
        OUT.println("[demo] " + message);
    }

    // ---------------------------------------------------------------- tiny JSON

    static Map<String, Object> org(String code, String type, String name, String nameEn, String district, String street) {
        return obj("code", code, "type", type, "name", name, "nameEn", nameEn, "district", district, "street", street);
    }

    /** An ordered JSON object from name/value pairs; null values are left out. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** Serialises maps, lists, strings, numbers and booleans. */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(quote(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(o));
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("cannot serialise " + v.getClass());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The objects of the top-level "items" array, each as its JSON text with \\uXXXX escapes decoded.
     * A small string-aware bracket scanner: enough for the API's collection pages.
     */
    static List<String> items(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"items\"\\s*:\\s*\\[").matcher(json);
        if (!m.find()) {
            return out;
        }
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = m.end(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == 0 && c == '{') {
                    start = i;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break; // end of the items array
                }
                depth--;
                if (depth == 0 && c == '}' && start >= 0) {
                    out.add(unescapeUnicode(json.substring(start, i + 1)));
                    start = -1;
                }
            }
        }
        return out;
    }

    static boolean containsField(String json, String name, String value) {
        String v = value == null ? "(?:[^\"\\\\]|\\\\.)*" : Pattern.quote(value);
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"" + v + "\"").matcher(json).find();
    }

    static String unescapeUnicode(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
