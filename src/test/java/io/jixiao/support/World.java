package io.jixiao.support;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.jixiao.common.security.Roles;
import java.util.Map;
import java.util.UUID;

/**
 * A district of its own, registered through the API: its bureau, two street offices, a service
 * provider, two assessor organisations and an audit office, with a token for each. Every test
 * class builds its own, so tests never see each other's data.
 */
public final class World {

    public final String district;
    public final String bureau;
    public final String streetOffice;
    public final String otherStreetOffice;
    public final String provider;
    public final String assessor;
    public final String otherAssessor;
    public final String auditOffice;

    private World(String tag) {
        district = "测试区-" + tag;
        bureau = "B-" + tag;
        streetOffice = "S-" + tag;
        otherStreetOffice = "S2-" + tag;
        provider = "P-" + tag;
        assessor = "A-" + tag;
        otherAssessor = "A2-" + tag;
        auditOffice = "AU-" + tag;
    }

    public static World create() {
        World world = new World(UUID.randomUUID().toString().substring(0, 8));
        world.register(world.bureau, "BUREAU", "测试区民政局");
        world.register(world.streetOffice, "STREET_OFFICE", "测试街道办事处");
        world.register(world.otherStreetOffice, "STREET_OFFICE", "另一街道办事处");
        world.register(world.provider, "SERVICE_PROVIDER", "测试社会工作服务中心");
        world.register(world.assessor, "ASSESSOR", "测试评估机构");
        world.register(world.otherAssessor, "ASSESSOR", "另一评估机构");
        world.register(world.auditOffice, "AUDIT_OFFICE", "测试区审计局");
        return world;
    }

    private void register(String code, String type, String name) {
        Api.as(bureauToken())
                .body(Map.of("code", code, "type", type, "name", name, "district", district))
                .post("/v1/organisations")
                .then()
                .statusCode(201);
    }

    /** The bureau's token: the identity provider names the district it supervises (claim district). */
    public String bureauToken() {
        return Tokens.signedWithTestKey(Tokens.claims("bureau-" + bureau, java.util.Set.of(Roles.BUREAU), bureau)
                .claim(Roles.DISTRICT_CLAIM, district));
    }

    public String streetToken() {
        return Tokens.of("street-" + streetOffice, Roles.STREET_OFFICE, streetOffice);
    }

    public String otherStreetToken() {
        return Tokens.of("street-" + otherStreetOffice, Roles.STREET_OFFICE, otherStreetOffice);
    }

    public String assessorToken() {
        return Tokens.of("assessor-" + assessor, Roles.ASSESSOR, assessor);
    }

    public String otherAssessorToken() {
        return Tokens.of("assessor-" + otherAssessor, Roles.ASSESSOR, otherAssessor);
    }

    /** The service provider that runs this world's projects (role {@code provider}). */
    public String providerToken() {
        return Tokens.of("provider-" + provider, Roles.PROVIDER, provider);
    }

    public String auditorToken() {
        return Tokens.of("auditor-" + auditOffice, Roles.AUDITOR, auditOffice);
    }

    /** The body of a valid project of this world's street office, named {@code name}. */
    public Map<String, Object> projectBody(String name) {
        return Map.of(
                "name",
                name,
                "station",
                "文冲街社工服务站",
                "street",
                "文冲街道",
                "supervisor",
                bureau,
                "provider",
                provider,
                "contractStart",
                "2018-10-16",
                "contractEnd",
                "2023-06-30",
                "communities",
                8,
                "staffCount",
                14);
    }

    /** Creates a DRAFT evaluation of the project by this world's bureau, assessed by {@link #assessor}. */
    public String createEvaluation(String projectId, int year, String phase) {
        return Api.as(bureauToken())
                .body(Map.of(
                        "projectId",
                        projectId,
                        "fiscalYear",
                        year,
                        "phase",
                        phase,
                        "frameworkId",
                        Scores.DEFAULT_FRAMEWORK,
                        "assessor",
                        assessor))
                .post("/v1/evaluations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A new project with an OPEN 2022 evaluation of the given phase; returns the evaluation id. */
    public String openEvaluation(String phase) {
        return openEvaluation(createProject("评估项目-" + phase), phase);
    }

    /** Creates and opens the project's 2022 evaluation of the given phase; returns its id. */
    public String openEvaluation(String projectId, String phase) {
        String evaluation = createEvaluation(projectId, 2022, phase);
        Api.as(bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        return evaluation;
    }

    /** The token of whoever scores the party in this world's evaluations. */
    public String tokenOf(String party) {
        return switch (party) {
            case "BUREAU" -> bureauToken();
            case "STREET_OFFICE" -> streetToken();
            case "ASSESSOR" -> assessorToken();
            default -> throw new IllegalArgumentException(party);
        };
    }

    /** Submits the party's scores totalling {@code total}. */
    public void submit(String evaluation, String party, String total) {
        Api.as(tokenOf(party))
                .body(Scores.submission(party, total, tokenOf(party)))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(201);
    }

    /** Creates a project of this world's street office and returns its id. */
    public String createProject(String name) {
        return Api.as(streetToken())
                .body(projectBody(name))
                .post("/v1/projects")
                .then()
                .statusCode(anyOf(is(201)))
                .extract()
                .path("id");
    }
}
