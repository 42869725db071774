package io.jixiao.support;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Score sheets for the default Guangzhou framework, read from the API: every item of a party's
 * sub-tree, with points deducted item by item from full marks until the sheet totals the wanted
 * score.
 */
public final class Scores {

    public static final String DEFAULT_FRAMEWORK = "a0f1e2d3-0000-4000-8000-000000000001";
    private static Map<String, Map<String, BigDecimal>> maxima;

    private Scores() {}

    /** Item code → maximum points of the party's items, in framework order. */
    public static synchronized Map<String, BigDecimal> maxima(String party, String token) {
        if (maxima == null) {
            JsonPath framework = Api.as(token)
                    .get("/v1/frameworks/{id}", DEFAULT_FRAMEWORK)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            maxima = new LinkedHashMap<>();
            List<Map<String, Object>> parties = framework.getList("parties");
            for (Map<String, Object> p : parties) {
                Map<String, BigDecimal> items = new LinkedHashMap<>();
                for (Object d : (List<?>) p.get("dimensions")) {
                    for (Object i : (List<?>) ((Map<?, ?>) d).get("items")) {
                        Map<?, ?> item = (Map<?, ?>) i;
                        items.put((String) item.get("code"), new BigDecimal((String) item.get("maxPoints")));
                    }
                }
                maxima.put((String) p.get("party"), items);
            }
        }
        return maxima.get(party);
    }

    /** A sheet of the party's items totalling {@code total}. */
    public static List<Map<String, Object>> totalling(String party, String total, String token) {
        BigDecimal deduction = new BigDecimal("100").subtract(new BigDecimal(total));
        List<Map<String, Object>> sheet = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> item : maxima(party, token).entrySet()) {
            BigDecimal cut = deduction.min(item.getValue());
            deduction = deduction.subtract(cut);
            sheet.add(Map.of(
                    "item",
                    item.getKey(),
                    "score",
                    item.getValue().subtract(cut).toPlainString()));
        }
        return sheet;
    }

    /** The body of a first submission of {@code party} totalling {@code total}. */
    public static Map<String, Object> submission(String party, String total, String token) {
        return Map.of("party", party, "scores", totalling(party, total, token));
    }

    /** The body of an amendment totalling {@code total}. */
    public static Map<String, Object> amendment(String party, String total, String reason, String token) {
        return Map.of("reason", reason, "scores", totalling(party, total, token));
    }
}
