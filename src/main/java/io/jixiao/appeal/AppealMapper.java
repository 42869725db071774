package io.jixiao.appeal;

import io.jixiao.api.model.AppealInput;
import io.jixiao.api.model.AppealList;
import io.jixiao.api.model.Ruling;
import io.jixiao.api.model.RulingDecision;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Between the contract's appeal models and the domain. */
final class AppealMapper {

    private AppealMapper() {}

    static io.jixiao.api.model.Appeal toApi(Appeal a) {
        io.jixiao.api.model.Appeal api = new io.jixiao.api.model.Appeal()
                .id(a.id)
                .evaluationId(a.evaluationId)
                .provider(a.providerCode)
                .status(io.jixiao.api.model.Appeal.StatusEnum.fromValue(a.status.name()))
                .summary(a.summary)
                .grounds(a.grounds.stream()
                        .map(g -> new io.jixiao.api.model.AppealGround()
                                .target(io.jixiao.api.model.AppealTarget.fromValue(g.target.name()))
                                .reference(g.reference)
                                .statement(g.statement))
                        .toList())
                .evidence(List.copyOf(a.evidence))
                .appealedTotal(a.appealedTotal.toPlainString())
                .appealedGrade(io.jixiao.api.model.Grade.fromValue(a.appealedGrade.name()))
                .deadline(utc(a.deadline))
                .filedBy(a.filedBy)
                .filedAt(utc(a.filedAt))
                .version(a.version);
        if (a.status != AppealStatus.OPEN) {
            api.ruling(new Ruling()
                    .decision(RulingDecision.fromValue(a.status.name()))
                    .rationale(a.rationale)
                    .ruledBy(a.ruledBy)
                    .ruledOrganisation(a.ruledOrganisation)
                    .ruledAt(utc(a.ruledAt)));
        }
        return api;
    }

    static AppealList toApi(List<Appeal> appeals) {
        return new AppealList().items(appeals.stream().map(AppealMapper::toApi).toList());
    }

    static AppealService.NewAppeal toDomain(AppealInput in) {
        List<AppealGround> grounds = in.getGrounds().stream()
                .map(g -> new AppealGround(
                        AppealTarget.valueOf(g.getTarget().name()), g.getReference(), g.getStatement()))
                .toList();
        return new AppealService.NewAppeal(
                in.getSummary(), grounds, in.getEvidence() == null ? List.of() : in.getEvidence());
    }

    static AppealStatus decision(RulingDecision decision) {
        return AppealStatus.valueOf(decision.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
