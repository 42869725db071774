package io.jixiao.organisation;

/** The kinds of organisation that take part in an evaluation. */
public enum OrganisationType {
    BUREAU,
    STREET_OFFICE,
    ASSESSOR,
    SERVICE_PROVIDER,
    AUDIT_OFFICE
}
