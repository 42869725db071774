package io.jixiao.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject and user name, its realm roles, the organisation code of
 * its {@code org_id} claim (null when the token has none; such a caller acts for no one) and, for
 * bureau users, the district of its {@code district} claim (null when absent).
 */
public record Caller(String subject, String username, Set<String> roles, String organisationCode, String district) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean actsFor(String organisation) {
        return organisationCode != null && organisationCode.equals(organisation);
    }
}
