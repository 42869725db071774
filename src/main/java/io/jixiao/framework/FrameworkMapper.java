package io.jixiao.framework;

import io.jixiao.api.model.FrameworkDimension;
import io.jixiao.api.model.FrameworkInput;
import io.jixiao.api.model.FrameworkPage;
import io.jixiao.api.model.FrameworkParty;
import io.jixiao.common.i18n.Labels;
import io.jixiao.common.paging.Page;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the contract's framework models and the domain. */
final class FrameworkMapper {

    private FrameworkMapper() {}

    static io.jixiao.api.model.Framework summary(Framework f) {
        return new io.jixiao.api.model.Framework()
                .id(f.id)
                .key(f.key)
                .frameworkVersion(f.frameworkVersion)
                .name(f.name)
                .status(io.jixiao.api.model.FrameworkStatus.fromValue(f.status.name()))
                .version(f.version)
                .createdAt(f.createdAt.atOffset(ZoneOffset.UTC))
                .publishedAt(f.publishedAt == null ? null : f.publishedAt.atOffset(ZoneOffset.UTC));
    }

    static io.jixiao.api.model.Framework toApi(FrameworkService.WithItems withItems, String language) {
        Map<Party, Map<String, List<FrameworkItem>>> tree = new LinkedHashMap<>();
        for (FrameworkItem item : withItems.items()) {
            tree.computeIfAbsent(item.party, p -> new LinkedHashMap<>())
                    .computeIfAbsent(item.dimensionCode, d -> new ArrayList<>())
                    .add(item);
        }
        List<FrameworkParty> parties = new ArrayList<>();
        tree.forEach((party, dimensions) -> {
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            List<FrameworkDimension> apiDimensions = new ArrayList<>();
            for (List<FrameworkItem> items : dimensions.values()) {
                FrameworkItem first = items.get(0);
                apiDimensions.add(new FrameworkDimension()
                        .code(first.dimensionCode)
                        .name(first.dimensionName)
                        .nameEn(first.dimensionNameEn)
                        .label(Labels.name(first.dimensionName, first.dimensionNameEn, language))
                        .assumed(first.dimensionAssumed)
                        .items(items.stream()
                                .map(i -> new io.jixiao.api.model.FrameworkItem()
                                        .code(i.code)
                                        .name(i.name)
                                        .nameEn(i.nameEn)
                                        .label(Labels.name(i.name, i.nameEn, language))
                                        .maxPoints(i.maxPoints.toPlainString()))
                                .toList()));
                for (FrameworkItem item : items) {
                    total = total.add(item.maxPoints);
                }
            }
            parties.add(new FrameworkParty()
                    .party(io.jixiao.api.model.Party.fromValue(party.name()))
                    .totalPoints(total.toPlainString())
                    .dimensions(apiDimensions));
        });
        return summary(withItems.framework()).parties(parties);
    }

    static FrameworkPage toApi(Page<Framework> page) {
        return new FrameworkPage()
                .items(page.items().stream().map(FrameworkMapper::summary).toList())
                .nextCursor(page.nextCursor());
    }

    static FrameworkTree toDomain(FrameworkInput in) {
        return new FrameworkTree(
                in.getKey(),
                in.getName(),
                in.getParties().stream()
                        .map(p -> new FrameworkTree.PartyTree(
                                Party.valueOf(p.getParty().name()),
                                p.getDimensions().stream()
                                        .map(d -> new FrameworkTree.Dimension(
                                                d.getCode(),
                                                d.getName(),
                                                d.getNameEn(),
                                                Boolean.TRUE.equals(d.getAssumed()),
                                                d.getItems().stream()
                                                        .map(i -> new FrameworkTree.Item(
                                                                i.getCode(),
                                                                i.getName(),
                                                                i.getNameEn(),
                                                                i.getMaxPoints()))
                                                        .toList()))
                                        .toList()))
                        .toList());
    }

    static FrameworkStatus toDomain(io.jixiao.api.model.FrameworkStatus status) {
        return status == null ? null : FrameworkStatus.valueOf(status.name());
    }
}
