package io.jixiao.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/**
 * RestAssured requests whose every response is validated against openapi/openapi.yaml. Requests
 * are not validated: many tests send deliberately broken ones.
 */
public final class Api {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    Path.of("openapi/openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(VALIDATOR);

    private Api() {}

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given()
                .filter(CONTRACT)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Without contract validation, for requests outside the contract (unknown paths, raw bytes). */
    public static RequestSpecification raw() {
        return RestAssured.given();
    }
}
