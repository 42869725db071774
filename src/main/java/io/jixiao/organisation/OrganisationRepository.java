package io.jixiao.organisation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public Optional<Organisation> findByCode(String code) {
        return code == null ? Optional.empty() : find("code", code).firstResultOptional();
    }

    /** The district of the organisation when it is a registered bureau: what a bureau's scope covers. */
    public Optional<String> districtOfBureau(String code) {
        return findByCode(code).filter(o -> o.type == OrganisationType.BUREAU).map(o -> o.district);
    }

    /** Up to {@code limit} organisations after {@code afterCode}, ordered by code. */
    public List<Organisation> list(OrganisationType type, String district, String afterCode, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (district != null) {
            where.add("district = :district");
            params.and("district", district);
        }
        if (afterCode != null) {
            where.add("code > :after");
            params.and("after", afterCode);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by code";
        return find(query, params).page(0, limit).list();
    }
}
