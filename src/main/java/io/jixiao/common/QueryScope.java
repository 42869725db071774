package io.jixiao.common;

import java.util.Map;

/** What a caller may see, as a query condition on an entity with its parameters. */
public record QueryScope(String clause, Map<String, Object> parameters) {

    public static final QueryScope NONE = new QueryScope("1 = 0", Map.of());
    public static final QueryScope ALL = new QueryScope("1 = 1", Map.of());
}
