package io.jixiao.common.security;

import io.jixiao.common.JixiaoConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the identity provider's signing keys (JWKS) can be fetched, in the health group
 * {@code identity-provider} (for alerts and dashboards). Not readiness: keys already fetched are
 * cached and keep verifying tokens, so an IdP outage or rollout must not take every pod out of the
 * Service; not liveness either.
 */
@HealthGroup(IdentityProviderHealth.GROUP)
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {

    public static final String GROUP = "identity-provider";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @Inject
    JixiaoConfig config;

    @Override
    public HealthCheckResponse call() {
        String url = config.oidc().jwksUrl().orElse(stripSlash(authServerUrl) + "/protocol/openid-connect/certs");
        var response = HealthCheckResponse.named("identity provider JWKS").withData("url", url);
        try {
            HttpResponse<String> got = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean keys = got.statusCode() == 200 && got.body().contains("\"keys\"");
            return response.withData("status", got.statusCode()).status(keys).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.withData("error", "interrupted").down().build();
        } catch (Exception e) {
            return response.withData("error", e.getClass().getSimpleName())
                    .down()
                    .build();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
