package io.jixiao.project;

import io.jixiao.common.QueryScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** Filters of the project list; null means "any". */
    public record Filter(String district, String street, String purchaser, String provider, ProjectStatus status) {}

    /**
     * Up to {@code limit} projects in scope matching the filter, after {@code afterSeq}, in
     * creation order.
     */
    public List<Project> list(QueryScope scope, Filter filter, Long afterSeq, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add(scope.clause());
        scope.parameters().forEach(params::and);
        addFilter(where, params, "district", filter.district());
        addFilter(where, params, "street", filter.street());
        addFilter(where, params, "purchaserCode", filter.purchaser());
        addFilter(where, params, "providerCode", filter.provider());
        addFilter(where, params, "status", filter.status());
        if (afterSeq != null) {
            where.add("seq > :afterSeq");
            params.and("afterSeq", afterSeq);
        }
        return find(String.join(" and ", where) + " order by seq", params)
                .page(0, limit)
                .list();
    }

    private static void addFilter(List<String> where, Parameters params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }
}
