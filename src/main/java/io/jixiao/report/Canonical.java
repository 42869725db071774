package io.jixiao.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The canonical JSON of a report's figures and its verification code. Canonical: object keys
 * sorted (by UTF-16 code units, as Jackson sorts), no whitespace, UTF-8, absent values left out,
 * decimals as the strings the JSON carries. Anyone can recompute the code from the JSON report:
 * take {@code figures}, write it this way, SHA-256, lower-case hex.
 */
public final class Canonical {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Canonical() {}

    public static byte[] json(Object figures) {
        try {
            return JSON.writeValueAsBytes(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the canonical JSON of the figures", e);
        }
    }

    public static String sha256(byte[] bytes) {
        return io.jixiao.common.Sha256.hex(bytes);
    }

    public static String verificationCode(Object figures) {
        return sha256(json(figures));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
