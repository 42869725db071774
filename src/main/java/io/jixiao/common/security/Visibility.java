package io.jixiao.common.security;

import io.jixiao.common.QueryScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shape every aggregate's read scope shares: auditors see everything, a caller without an
 * organisation sees nothing, anyone else sees the union of what each of its roles allows. Each
 * aggregate states its rules once, as a list of {@link Rule}s, each with the query condition that
 * lists use and the same condition on one object loaded by its primary key.
 */
public final class Visibility {

    /** What one role may see: a JPQL condition with its parameters, and the same test on an object. */
    public record Rule<T>(String role, String clause, Map<String, Object> parameters, Predicate<T> test) {}

    private Visibility() {}

    public static <T> QueryScope scope(Caller caller, List<Rule<T>> rules) {
        if (caller.has(Roles.AUDITOR)) {
            return QueryScope.ALL;
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        for (Rule<T> rule : applicable(caller, rules)) {
            alternatives.add(rule.clause());
            parameters.putAll(rule.parameters());
        }
        return alternatives.isEmpty()
                ? QueryScope.NONE
                : new QueryScope("(" + String.join(" or ", alternatives) + ")", parameters);
    }

    public static <T> boolean visible(Caller caller, List<Rule<T>> rules, T object) {
        return caller.has(Roles.AUDITOR)
                || applicable(caller, rules).stream().anyMatch(r -> r.test().test(object));
    }

    private static <T> List<Rule<T>> applicable(Caller caller, List<Rule<T>> rules) {
        if (caller.organisationCode() == null) {
            return List.of();
        }
        return rules.stream().filter(r -> caller.has(r.role())).toList();
    }
}
