package io.jixiao.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The filters of an export: those of {@code listEvaluations} plus {@code street}. Enum values
 * arrive as their API names (the contract has validated them).
 */
public record ExportFilter(
        UUID projectId, Integer fiscalYear, String phase, String state, String grade, String district, String street) {

    /** The filters that were given, by their query parameter names. */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "projectId", projectId);
        put(given, "fiscalYear", fiscalYear);
        put(given, "phase", phase);
        put(given, "state", state);
        put(given, "grade", grade);
        put(given, "district", district);
        put(given, "street", street);
        return given;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
