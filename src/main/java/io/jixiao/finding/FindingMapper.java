package io.jixiao.finding;

import io.jixiao.api.model.FindingInput;
import io.jixiao.api.model.FindingList;
import io.jixiao.api.model.RectificationList;
import io.jixiao.common.i18n.Labels;
import java.time.ZoneOffset;
import java.util.List;

/** Between the contract's finding models and the domain. */
final class FindingMapper {

    private FindingMapper() {}

    static io.jixiao.api.model.Finding toApi(Finding f, String language) {
        return new io.jixiao.api.model.Finding()
                .id(f.id)
                .kind(io.jixiao.api.model.FindingKind.fromValue(f.kind.name()))
                .category(io.jixiao.api.model.FindingCategory.fromValue(f.category.name()))
                .categoryLabel(Labels.findingCategory(f.category.name(), language))
                .title(f.title)
                .text(f.text)
                .addresses(f.addresses)
                .recordedBy(f.recordedBy)
                .recordedOrganisation(f.recordedOrganisation)
                .recordedAt(f.recordedAt.atOffset(ZoneOffset.UTC));
    }

    static FindingList toApi(List<Finding> findings, String language) {
        return new FindingList()
                .items(findings.stream().map(f -> toApi(f, language)).toList());
    }

    static io.jixiao.api.model.Rectification toApi(FindingService.Item item, String language) {
        io.jixiao.api.model.Rectification out = new io.jixiao.api.model.Rectification()
                .finding(toApi(item.finding(), language))
                .midTermEvaluationId(item.midTermEvaluationId());
        item.closure()
                .ifPresent(c -> out.status(io.jixiao.api.model.RectificationStatus.fromValue(c.status.name()))
                        .evidence(c.evidence)
                        .closedBy(c.closedBy)
                        .closedAt(c.closedAt.atOffset(ZoneOffset.UTC))
                        .version(c.version));
        return out;
    }

    static RectificationList toApiItems(List<FindingService.Item> items, String language) {
        return new RectificationList()
                .items(items.stream().map(i -> toApi(i, language)).toList());
    }

    static FindingService.NewFinding toDomain(FindingInput in) {
        return new FindingService.NewFinding(
                FindingKind.valueOf(in.getKind().toString()),
                FindingCategory.valueOf(in.getCategory().name()),
                in.getTitle(),
                in.getText(),
                in.getAddresses());
    }
}
