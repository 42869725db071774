package io.jixiao.operations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API reference at /docs/ comes with the app itself (no Node, no CDN): an HTML page whose
 * Redoc script (the org.webjars.npm:redoc bundle) and contract are both served by the app.
 */
@QuarkusTest
class DocsPageTest {

    static final URI DOCS = URI.create("/docs/");

    @Test
    void theDocsPageIsServedAsHtmlAndLoadsOnlyWhatTheAppServes() {
        Response page = Api.raw().get(DOCS.toString());
        page.then().statusCode(200).contentType(startsWith("text/html")).body(containsString("<redoc spec-url="));
        String html = page.asString();
        assertFalse(
                Pattern.compile("(src|href|spec-url)=\"(https?:)?//")
                        .matcher(html)
                        .find(),
                "the docs page refers to another host:\n" + html);

        Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
        assertTrue(script.find(), "no script in the docs page");
        String bundle = DOCS.resolve(script.group(1)).getPath();
        assertTrue(bundle.startsWith("/webjars/redoc/"), bundle);
        Response js = Api.raw().get(bundle);
        assertEquals(
                200,
                js.statusCode(),
                "the Redoc bundle " + bundle + " is not served: does the version in "
                        + "docs/index.html match redoc.version in pom.xml?");
        assertTrue(js.asByteArray().length > 500_000, "the Redoc bundle is suspiciously small");

        Matcher spec = Pattern.compile("spec-url=\"([^\"]+)\"").matcher(html);
        assertTrue(spec.find());
        Api.raw()
                .get(DOCS.resolve(spec.group(1)).getPath())
                .then()
                .statusCode(200)
                .body(containsString("operationId: submitScores"));
    }
}
