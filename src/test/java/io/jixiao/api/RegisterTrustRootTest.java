package io.jixiao.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import io.jixiao.common.security.Roles;
import io.jixiao.support.Api;
import io.jixiao.support.Tokens;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The district a bureau supervises comes from the identity provider (claim {@code district}),
 * never from the bureau's own word through the API; the registering organisation's type is
 * checked every time; a role that acts for an organisation needs {@code org_id}.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class RegisterTrustRootTest {

    static World world;

    private static String bureauToken(String code, String district) {
        var claims = Tokens.claims("bureau-" + code, Set.of(Roles.BUREAU), code);
        if (district != null) {
            claims.claim(Roles.DISTRICT_CLAIM, district);
        }
        return Tokens.signedWithTestKey(claims);
    }

    private static Map<String, Object> organisation(String code, String type, String district) {
        return Map.of("code", code, "type", type, "name", "机构-" + code, "district", district);
    }

    @Test
    void aBureauCannotRegisterItselfForADistrictItsTokenDoesNotName() {
        String code = "B-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(bureauToken(code, "自称区"))
                .body(organisation(code, "BUREAU", world.district))
                .post("/v1/organisations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Api.as(world.auditorToken())
                .get("/v1/organisations/{code}", code)
                .then()
                .statusCode(404);
    }

    @Test
    void aBureauTokenWithoutADistrictClaimRegistersNothing() {
        String code = "B-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(bureauToken(code, null))
                .body(organisation(code, "BUREAU", "任意区"))
                .post("/v1/organisations")
                .then()
                .statusCode(403)
                .body("detail", containsString("district"));
    }

    @Test
    void aBureauRoleTokenOfAnOrganisationRegisteredAsAStreetOfficeRegistersNothing() {
        String code = "X-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(bureauToken(world.streetOffice, world.district))
                .body(organisation(code, "ASSESSOR", world.district))
                .post("/v1/organisations")
                .then()
                .statusCode(403)
                .body("detail", containsString("STREET_OFFICE"));
    }

    @Test
    void aBureauWhoseTokenNamesAnotherDistrictSeesNoneOfItsRegisteredDistrict() {
        world.createProject("信任根项目");
        Api.as(bureauToken(world.bureau, "别的区"))
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.as(world.bureauToken())
                .queryParam("purchaser", world.streetOffice)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItem("信任根项目"));
    }

    @Test
    void aRoleThatActsForAnOrganisationWithoutOrgIdIs403NotAnEmptyList() {
        for (String role : Roles.ACTING_FOR_AN_ORGANISATION) {
            Api.as(Tokens.of("no-org-" + role, role, null))
                    .get("/v1/projects")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("org_id"));
        }
    }
}
