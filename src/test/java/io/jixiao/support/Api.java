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
    private static final ThreadLocal<String> LAST_REQUEST_ID = new ThreadLocal<>();
    /** Remembers the request id the app gave the last answer on this thread (see {@link #lastRequestId()}). */
    private static final io.restassured.filter.Filter REQUEST_ID = (request, response, context) -> {
        io.restassured.response.Response answer = context.next(request, response);
        LAST_REQUEST_ID.set(answer.getHeader("X-Request-Id"));
        return answer;
    };

    private Api() {}

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given()
                .filter(REQUEST_ID)
                .filter(CONTRACT)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** The X-Request-Id of the last answer received on this thread through this class. */
    public static String lastRequestId() {
        return LAST_REQUEST_ID.get();
    }

    /** Without contract validation, for requests outside the contract (unknown paths, raw bytes). */
    public static RequestSpecification raw() {
        return RestAssured.given().filter(REQUEST_ID);
    }
}
