package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class EvidenceApiTest {

    static World world;

    /** The 2022 Wenchong table of the domain brief (target null: the contract sets none). */
    static List<Map<String, Object>> wenchong2022() {
        String[][] rows = {
            {"phone-visits", "电访", "个", "860", "886"},
            {"home-visits", "探访", "个", "808", "810"},
            {"cases-opened", "个案接案", "个", "45", "55"},
            {"cases-closed", "个案完成", "个", "45", "35"},
            {"case-sessions", "个案服务节数", "节", "360", "290"},
            {"groups", "专业小组", "个", "12", "11"},
            {"group-sessions", "小组节数", "节", "72", "54"},
            {"group-participants", "小组服务人次", "人次", null, "510"},
            {"large-events", "大型社区活动", "个", "5", "4"},
            {"large-event-participants", "大型活动参与人次", "人次", null, "1885"},
            {"small-events", "中小型社区活动", "个", "17", "28"},
            {"small-event-participants", "中小型活动参与人次", "人次", "300", "1165"}
        };
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (String[] row : rows) {
            Map<String, Object> indicator = new HashMap<>(
                    Map.of("key", row[0], "name", row[1], "unit", row[2], "category", "OUTPUT", "actual", row[4]));
            if (row[3] != null) {
                indicator.put("target", row[3]);
            }
            indicators.add(indicator);
        }
        indicators.add(Map.of(
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
        return indicators;
    }

    @Test
    void the2022TableReproducesEveryCompletionRateOfTheReport() {
        String project = world.createProject("指标项目");
        Api.as(world.streetToken())
                .body(Map.of("indicators", wenchong2022()))
                .put("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"");
        Api.as(world.auditorToken())
                .get("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(200)
                .body(
                        "indicators.completionRate",
                        contains(
                                "103.02", "100.25", "122.22", "77.78", "80.56", "91.67", "75.00", null, "80.00", null,
                                "164.71", "388.33", null))
                .body("indicators[7].target", nullValue());
    }

    @Test
    void indicatorsAreReplacedWithIfMatchAndConfirmedByTheAssessorOfAnOpenEvaluation() {
        String project = world.createProject("指标确认项目");
        String path = "/v1/projects/{id}/indicators/2022";
        Api.as(world.streetToken())
                .body(Map.of("indicators", wenchong2022()))
                .put(path, project)
                .then()
                .statusCode(201);
        Api.as(world.streetToken())
                .body(Map.of("indicators", wenchong2022()))
                .put(path, project)
                .then()
                .statusCode(428);

        // before an evaluation is opened the assessor does not even see the project
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .post(path + "/confirmation", project)
                .then()
                .statusCode(404);
        String evaluation = world.createEvaluation(project, 2022, "FINAL");
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.otherAssessorToken())
                .header("If-Match", "\"0\"")
                .post(path + "/confirmation", project)
                .then()
                .statusCode(404);
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .post(path + "/confirmation", project)
                .then()
                .statusCode(403);
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .post(path + "/confirmation", project)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("confirmation.organisation", equalTo(world.assessor));

        // changed figures lose their confirmation
        Api.as(world.streetToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("indicators", wenchong2022()))
                .put(path, project)
                .then()
                .statusCode(200)
                .body("confirmation", nullValue());
    }

    @Test
    void badIndicatorsNameTheirFields() {
        String project = world.createProject("指标校验项目");
        List<Map<String, Object>> indicators = new ArrayList<>(wenchong2022());
        indicators.add(Map.of("key", "phone-visits", "name", "重复", "unit", "个", "category", "OUTPUT", "actual", "1"));
        Api.as(world.streetToken())
                .body(Map.of("indicators", indicators))
                .put("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(400)
                .body("errors.field", contains("indicators[13].key"));
        Api.as(world.streetToken())
                .body(Map.of(
                        "indicators",
                        List.of(Map.of("key", "x", "name", "x", "unit", "个", "category", "OUTPUT", "actual", "1.234"))))
                .put("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(400)
                .body("errors.field", contains("indicators[0].actual"));
        Api.as(world.auditorToken())
                .get("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(404);
    }

    static Map<String, Object> evidence2022() {
        return Map.of(
                "resources",
                        List.of(
                                Map.of("type", "HUMAN", "description", "人力资源折合价值", "value", "619091.40"),
                                Map.of("type", "MATERIAL", "value", "465884.37"),
                                Map.of("type", "FUNDS", "value", "109157.51")),
                "dutyOffsets",
                        List.of(Map.of(
                                "name",
                                "2022年疫情防控",
                                "socialWorkerPersonTimes",
                                1183,
                                "residentsServed",
                                List.of(
                                        Map.of("category", "核酸检测排查", "count", 221037),
                                        Map.of("category", "流调", "count", 129763),
                                        Map.of("category", "疫苗接种", "count", 3250),
                                        Map.of("category", "防疫宣传", "count", 1560),
                                        Map.of("category", "其他防疫服务", "count", 2500)))),
                "complaints", Map.of("received", 0),
                "honours", List.of(Map.of("title", "广州社工服务品牌项目"), Map.of("title", "2021-2022年黄埔区五四红旗团（总）支部")));
    }

    @Test
    void yearEvidenceTotalsTheResourcesAndOffsetsExactly() {
        String project = world.createProject("证据项目");
        Api.as(world.streetToken())
                .body(evidence2022())
                .put("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(201)
                .body("resourceTotals.total", equalTo("1194133.28"))
                .body("resourceTotals.human", equalTo("619091.40"))
                .body("dutyOffsets[0].residentsServedTotal", equalTo(358110))
                .body("dutyOffsets[0].residentsServed.count", contains(221037, 129763, 3250, 1560, 2500))
                .body("complaints.received", equalTo(0));
        Api.as(world.bureauToken())
                .get("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(200)
                .body("honours.title", contains("广州社工服务品牌项目", "2021-2022年黄埔区五四红旗团（总）支部"));
        Api.as(world.otherStreetToken())
                .get("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(404);
    }

    @Test
    void theAssessorEntersEvidenceOnlyDuringItsOpenEvaluation() {
        String project = world.createProject("证据录入项目");
        String evaluation = world.createEvaluation(project, 2022, "MID_TERM");
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.assessorToken())
                .body(evidence2022())
                .put("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(201)
                .body("updatedBy", equalTo("assessor-" + world.assessor));
        Api.as(world.assessorToken())
                .body(evidence2022())
                .put("/v1/projects/{id}/evidence/2021", project)
                .then()
                .statusCode(403);
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(evidence2022())
                .put("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
    }
}
