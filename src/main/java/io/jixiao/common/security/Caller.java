package io.jixiao.common.security;

import java.util.Set;

/**
 * Who is calling: the token's subject and user name, its realm roles and the organisation code
 * of its {@code org_id} claim (null when the token has none; such a caller acts for no one).
 */
public record Caller(String subject, String username, Set<String> roles, String organisationCode) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean actsFor(String organisation) {
        return organisationCode != null && organisationCode.equals(organisation);
    }
}
