package io.jixiao.evidence;

import io.jixiao.api.model.Complaints;
import io.jixiao.api.model.Confirmation;
import io.jixiao.api.model.DutyOffset;
import io.jixiao.api.model.DutyOffsetInput;
import io.jixiao.api.model.IndicatorInput;
import io.jixiao.api.model.IndicatorSetInput;
import io.jixiao.api.model.LinkedResource;
import io.jixiao.api.model.ResidentsServed;
import io.jixiao.api.model.ResourceTotals;
import io.jixiao.api.model.YearEvidenceInput;
import io.jixiao.common.i18n.Labels;
import io.jixiao.common.money.Decimals;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Between the contract's evidence models and the domain. */
final class EvidenceMapper {

    private EvidenceMapper() {}

    static List<IndicatorLine> toDomain(IndicatorSetInput in) {
        List<IndicatorLine> lines = new ArrayList<>();
        for (int i = 0; i < in.getIndicators().size(); i++) {
            IndicatorInput item = in.getIndicators().get(i);
            IndicatorLine line = new IndicatorLine();
            line.key = item.getKey();
            line.name = item.getName();
            line.nameEn = item.getNameEn();
            line.unit = item.getUnit();
            line.category = IndicatorCategory.valueOf(item.getCategory().name());
            line.target =
                    item.getTarget() == null ? null : Decimals.money("indicators[" + i + "].target", item.getTarget());
            line.actual = Decimals.money("indicators[" + i + "].actual", item.getActual());
            lines.add(line);
        }
        return lines;
    }

    static io.jixiao.api.model.IndicatorSet toApi(IndicatorSet set, String language) {
        io.jixiao.api.model.IndicatorSet out = new io.jixiao.api.model.IndicatorSet()
                .fiscalYear(set.fiscalYear)
                .indicators(set.indicators.stream()
                        .map(line -> new io.jixiao.api.model.Indicator()
                                .key(line.key)
                                .name(line.name)
                                .nameEn(line.nameEn)
                                .unit(line.unit)
                                .category(io.jixiao.api.model.IndicatorCategory.fromValue(line.category.name()))
                                .categoryLabel(Labels.indicatorCategory(line.category.name(), language))
                                .target(Decimals.format(line.target))
                                .actual(Decimals.format(line.actual))
                                .completionRate(Decimals.format(line.completionRate())))
                        .toList())
                .version(set.version)
                .updatedAt(set.updatedAt.atOffset(ZoneOffset.UTC));
        if (set.confirmedAt != null) {
            out.confirmation(new Confirmation()
                    .confirmedBy(set.confirmedBy)
                    .organisation(set.confirmedOrganisation)
                    .confirmedAt(set.confirmedAt.atOffset(ZoneOffset.UTC)));
        }
        return out;
    }

    static YearEvidence toDomain(YearEvidenceInput in) {
        YearEvidence evidence = new YearEvidence();
        for (int i = 0; i < in.getResources().size(); i++) {
            LinkedResource r = in.getResources().get(i);
            EvidenceLines.Resource resource = new EvidenceLines.Resource();
            resource.type = ResourceType.valueOf(r.getType().name());
            resource.description = r.getDescription();
            resource.value = Decimals.money("resources[" + i + "].value", r.getValue());
            evidence.resources.add(resource);
        }
        for (int i = 0; i < in.getDutyOffsets().size(); i++) {
            DutyOffsetInput o = in.getDutyOffsets().get(i);
            EvidenceLines.Offset offset = new EvidenceLines.Offset();
            offset.name = o.getName();
            offset.socialWorkerPersonTimes = o.getSocialWorkerPersonTimes();
            evidence.offsets.add(offset);
            for (ResidentsServed served : o.getResidentsServed()) {
                EvidenceLines.OffsetCategory category = new EvidenceLines.OffsetCategory();
                category.offsetPosition = i;
                category.category = served.getCategory();
                category.residentsServed = served.getCount();
                evidence.offsetCategories.add(category);
            }
        }
        for (io.jixiao.api.model.Honour h : in.getHonours()) {
            EvidenceLines.Honour honour = new EvidenceLines.Honour();
            honour.title = h.getTitle();
            honour.awardedBy = h.getAwardedBy();
            honour.awardedOn = h.getAwardedOn();
            evidence.honours.add(honour);
        }
        evidence.complaintsReceived = in.getComplaints().getReceived();
        evidence.complaintsNote = in.getComplaints().getNote();
        return evidence;
    }

    static io.jixiao.api.model.YearEvidence toApi(YearEvidence e) {
        Map<ResourceType, BigDecimal> totals = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            totals.put(type, BigDecimal.ZERO.setScale(2));
        }
        e.resources.forEach(r -> totals.merge(r.type, r.value, BigDecimal::add));
        BigDecimal total = totals.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<DutyOffset> offsets = new ArrayList<>();
        for (int i = 0; i < e.offsets.size(); i++) {
            int position = i;
            List<ResidentsServed> served = e.offsetCategories.stream()
                    .filter(c -> c.offsetPosition == position)
                    .map(c -> new ResidentsServed().category(c.category).count(c.residentsServed))
                    .toList();
            offsets.add(new DutyOffset()
                    .name(e.offsets.get(i).name)
                    .socialWorkerPersonTimes(e.offsets.get(i).socialWorkerPersonTimes)
                    .residentsServed(served)
                    .residentsServedTotal(
                            served.stream().mapToLong(ResidentsServed::getCount).sum()));
        }
        return new io.jixiao.api.model.YearEvidence()
                .fiscalYear(e.fiscalYear)
                .resources(e.resources.stream()
                        .map(r -> new LinkedResource()
                                .type(io.jixiao.api.model.ResourceType.fromValue(r.type.name()))
                                .description(r.description)
                                .value(r.value.toPlainString()))
                        .toList())
                .resourceTotals(new ResourceTotals()
                        .human(totals.get(ResourceType.HUMAN).toPlainString())
                        .material(totals.get(ResourceType.MATERIAL).toPlainString())
                        .funds(totals.get(ResourceType.FUNDS).toPlainString())
                        .total(total.toPlainString()))
                .dutyOffsets(offsets)
                .complaints(new Complaints().received(e.complaintsReceived).note(e.complaintsNote))
                .honours(e.honours.stream()
                        .map(h -> new io.jixiao.api.model.Honour()
                                .title(h.title)
                                .awardedBy(h.awardedBy)
                                .awardedOn(h.awardedOn))
                        .toList())
                .version(e.version)
                .updatedAt(e.updatedAt.atOffset(ZoneOffset.UTC))
                .updatedBy(e.updatedBy);
    }
}
