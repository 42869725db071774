package io.jixiao.organisation;

/** What a bureau supplies to register an organisation. */
public record NewOrganisation(
        String code, OrganisationType type, String name, String nameEn, String district, String street) {}
