package io.jixiao.project;

import java.util.Map;

/** Which projects a caller may see, as a query condition on {@code Project} with its parameters. */
public record ProjectScope(String clause, Map<String, Object> parameters) {

    static final ProjectScope NONE = new ProjectScope("1 = 0", Map.of());
    static final ProjectScope ALL = new ProjectScope("1 = 1", Map.of());
}
