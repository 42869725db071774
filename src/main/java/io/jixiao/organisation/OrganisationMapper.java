package io.jixiao.organisation;

import io.jixiao.api.model.OrganisationCreate;
import io.jixiao.common.paging.Page;

/** Between the contract's organisation models and the domain. */
final class OrganisationMapper {

    private OrganisationMapper() {}

    static io.jixiao.api.model.Organisation toApi(Organisation o) {
        return new io.jixiao.api.model.Organisation()
                .code(o.code)
                .type(io.jixiao.api.model.OrganisationType.fromValue(o.type.name()))
                .name(o.name)
                .nameEn(o.nameEn)
                .district(o.district)
                .street(o.street)
                .version(o.version);
    }

    static io.jixiao.api.model.OrganisationPage toApi(Page<Organisation> page) {
        return new io.jixiao.api.model.OrganisationPage()
                .items(page.items().stream().map(OrganisationMapper::toApi).toList())
                .nextCursor(page.nextCursor());
    }

    static NewOrganisation toDomain(OrganisationCreate in) {
        return new NewOrganisation(
                in.getCode(),
                OrganisationType.valueOf(in.getType().name()),
                in.getName(),
                in.getNameEn(),
                in.getDistrict(),
                in.getStreet());
    }

    static OrganisationType toDomain(io.jixiao.api.model.OrganisationType type) {
        return type == null ? null : OrganisationType.valueOf(type.name());
    }
}
