package io.jixiao.common.security;

import java.util.List;

/** The realm roles and token claims this service understands. The only place they are spelled. */
public final class Roles {

    public static final String BUREAU = "bureau";
    public static final String STREET_OFFICE = "street-office";
    public static final String ASSESSOR = "assessor";
    public static final String AUDITOR = "auditor";
    /** The evaluated service provider (承接机构): reads its projects and their finalized evaluations, appeals. */
    public static final String PROVIDER = "provider";

    public static final List<String> ALL = List.of(BUREAU, STREET_OFFICE, ASSESSOR, AUDITOR, PROVIDER);

    /** The claim that names the caller's organisation (its organisation code). */
    public static final String ORG_CLAIM = "org_id";

    /**
     * The claim that names the district a bureau user supervises. The identity provider is the
     * trust root for it (a user attribute its administrators set): a bureau's scope is never
     * self-declared through the API.
     */
    public static final String DISTRICT_CLAIM = "district";

    /** The roles that act for an organisation and so need the {@link #ORG_CLAIM}. */
    public static final List<String> ACTING_FOR_AN_ORGANISATION = List.of(BUREAU, STREET_OFFICE, ASSESSOR);

    private Roles() {}
}
