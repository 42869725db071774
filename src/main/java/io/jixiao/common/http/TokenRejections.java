package io.jixiao.common.http;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a presented bearer token was refused, in words that help its holder (expired, another
 * issuer, another audience, a signature we cannot verify) without telling anything else.
 */
final class TokenRejections {

    static final String GENERIC = "The bearer token is not valid.";

    private TokenRejections() {}

    static String describe(Throwable failure) {
        for (Throwable t : InfrastructureFailures.graphOf(failure)) {
            if (t instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "The bearer token has expired.";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token was issued by another issuer than this service trusts.";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "The bearer token is not meant for this service (audience).";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "The bearer token's signature cannot be verified.";
                }
                return GENERIC;
            }
        }
        return GENERIC;
    }

    /** The RFC 6750 challenge for a refused token; only the description's own characters. */
    static String challenge(String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"";
    }
}
