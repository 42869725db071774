package io.jixiao.common.security;

import java.util.List;

/**
 * The SQL form of a bureau's scope, for the read-only SQL of reports, analytics and the audit
 * trail: the district its organisation is registered as the bureau of, and only while the token's
 * {@code district} claim names it (the identity provider is the trust root). The JPA side of the
 * same rule is {@code OrganisationDirectory.supervisedDistrict}.
 */
public final class BureauDistrictSql {

    private BureauDistrictSql() {}

    /** {@code districtColumn} is the bureau's district; takes the {@link #parameters} in this order. */
    public static String predicate(String districtColumn) {
        return districtColumn + " = (select b.district from organisation b where b.code = ? and b.type = 'BUREAU'"
                + " and b.district = ?)";
    }

    public static List<Object> parameters(Caller caller) {
        return List.of(caller.organisationCode(), caller.district());
    }
}
