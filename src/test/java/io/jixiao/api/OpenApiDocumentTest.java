package io.jixiao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The served contract is openapi/openapi.yaml, nothing added or lost. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void servedDocumentIsTheContractFile() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode file = yaml.readTree(new File("openapi/openapi.yaml"));
        String served = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode servedTree = new ObjectMapper().readTree(served);
        assertEquals(file, servedTree);
    }
}
