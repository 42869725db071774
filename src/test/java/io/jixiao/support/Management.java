package io.jixiao.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (health, metrics), which listens on a port of its own. */
public final class Management {

    private Management() {}

    /** The port the test application's management interface actually bound. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static RequestSpecification request() {
        return RestAssured.given().port(port());
    }
}
