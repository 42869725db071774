package io.jixiao.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.Optional;

/** The service's own configuration, under {@code jixiao.*}: every key in one place, typed. */
@ConfigMapping(prefix = "jixiao")
public interface JixiaoConfig {

    /**
     * With no datasource configured, whether the launcher may start an embedded PostgreSQL (read by
     * {@code io.jixiao.EmbeddedDatabase} before start-up; mapped here so the key is a known one).
     */
    @WithName("embedded-postgres")
    @WithDefault("true")
    boolean embeddedPostgres();

    /** Points by which the parties' scores may differ before finalization needs a note. */
    @WithDefault("15")
    BigDecimal disagreementThreshold();

    /** Request bodies larger than this are refused (413) before they are read. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * Longer request lines are refused (414, as a problem document). The HTTP layer's own limit
     * ({@code quarkus.http.limits.max-initial-line-length}) is set higher, so this one answers.
     */
    @WithDefault("4096")
    int maxRequestLineLength();

    /** Whether requests must arrive over HTTPS (prod: yes). */
    @WithName("require-https")
    @WithDefault("false")
    boolean requireHttps();

    /** Loopback callers (the local run command, a sidecar) may use plain HTTP even then. */
    @WithName("require-https.exempt-loopback")
    @WithDefault("true")
    boolean exemptLoopbackFromHttps();

    /** One access log line per request (method, path, status, user, duration). */
    @WithDefault("true")
    boolean accessLog();

    /** Of the successful, fast requests, one in this many is logged at INFO (1: all of them). */
    @WithName("access-log.sample-every")
    @WithDefault("1")
    int accessLogSampleEvery();

    /** Requests slower than this are always logged at INFO. */
    @WithName("access-log.slow")
    @WithDefault("PT0.5S")
    java.time.Duration accessLogSlow();

    Oidc oidc();

    /** The annual report. */
    Report report();

    interface Report {
        Pdf pdf();

        interface Pdf {
            /** The CJK TrueType font embedded in report PDFs ({@code file,index} for a collection). */
            @WithDefault("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0")
            String font();
        }
    }

    /** The cache of verified bearer tokens ({@code VerifiedTokenCache}). */
    TokenCache tokenCache();

    interface TokenCache {
        /** Whether a verified token's identity is reused until it expires. */
        @WithDefault("true")
        boolean enabled();

        /** At most this many tokens are kept. */
        @WithDefault("10000")
        int maxEntries();

        /** A cached identity is re-verified at the latest this long after it was verified. */
        @WithDefault("15M")
        java.time.Duration maxTtl();
    }

    /** The change feed's Server-Sent Events stream ({@code GET /v1/events/stream}). */
    Events events();

    interface Events {
        /** How often an open stream reads the audit trail for new events. */
        @WithDefault("PT1S")
        java.time.Duration pollInterval();

        /** A comment line is written when nothing else was for this long, so proxies keep the connection. */
        @WithDefault("PT15S")
        java.time.Duration heartbeat();

        /** A stream ends after this long; the client reconnects with Last-Event-ID and misses nothing. */
        @WithDefault("PT10M")
        java.time.Duration maxStream();
    }

    interface Oidc {
        /** The identity provider's JWKS URL; defaults to Keycloak's path under the realm URL. */
        Optional<String> jwksUrl();
    }
}
