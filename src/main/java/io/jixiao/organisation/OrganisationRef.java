package io.jixiao.organisation;

/** What other domains need to know of a registered organisation. */
public record OrganisationRef(String code, OrganisationType type, String district) {

    public boolean is(OrganisationType wanted) {
        return type == wanted;
    }
}
