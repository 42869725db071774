package io.jixiao.sampling;

import io.jixiao.api.model.OverallResult;
import io.jixiao.api.model.RosterSummary;
import io.jixiao.api.model.SamplePlanInput;
import io.jixiao.api.model.SampleResponseInput;
import io.jixiao.api.model.SampleResponseList;
import io.jixiao.api.model.SampleResults;
import io.jixiao.api.model.StratumDraw;
import io.jixiao.api.model.StratumResult;
import io.jixiao.common.money.Decimals;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the contract's sampling models and the domain. */
final class SampleMapper {

    private SampleMapper() {}

    static io.jixiao.api.model.Sample toApi(SampleService.View view) {
        Sample sample = view.sample();
        io.jixiao.api.model.Sample out = new io.jixiao.api.model.Sample()
                .kind(io.jixiao.api.model.SampleKind.fromValue(sample.kind.name()))
                .strata(sample.strata.stream()
                        .map(s -> new io.jixiao.api.model.Stratum()
                                .code(s.code)
                                .name(s.name)
                                .quota(s.quota)
                                .reserves(s.reserves)
                                .rosterSize(view.rosterSizes().getOrDefault(s.code, 0)))
                        .toList())
                .version(sample.version);
        if (sample.rosterDigest != null) {
            out.roster(new RosterSummary()
                    .size(sample.rosterSize)
                    .digest(sample.rosterDigest)
                    .uploadedAt(sample.rosterUploadedAt.atOffset(ZoneOffset.UTC))
                    .uploadedBy(sample.rosterUploadedBy));
        }
        if (sample.drawn()) {
            Map<String, StratumDraw> byStratum = new LinkedHashMap<>();
            for (StratumPlan s : sample.strata) {
                int available = view.rosterSizes().getOrDefault(s.code, 0);
                byStratum.put(
                        s.code,
                        new StratumDraw()
                                .stratum(s.code)
                                .quota(s.quota)
                                .available(available)
                                .selected(new ArrayList<>())
                                .reserves(new ArrayList<>())
                                .shortfall(Math.max(0, s.quota - available)));
            }
            for (SampleRepository.DrawEntry entry : view.draw()) {
                StratumDraw draw = byStratum.get(entry.stratum());
                if (draw != null) {
                    (entry.role() == DrawRole.SELECTED ? draw.getSelected() : draw.getReserves()).add(entry.code());
                }
            }
            out.draw(new io.jixiao.api.model.SampleDraw()
                    .seed(sample.seed)
                    .drawnAt(sample.drawnAt.atOffset(ZoneOffset.UTC))
                    .drawnBy(sample.drawnBy)
                    .reproduced(view.reproduced())
                    .strata(new ArrayList<>(byStratum.values())));
        }
        return out;
    }

    static List<StratumPlan> toDomain(SamplePlanInput in) {
        return in.getStrata().stream()
                .map(s -> new StratumPlan(s.getCode(), s.getName(), s.getQuota(), s.getReserves()))
                .toList();
    }

    static SampleService.Answer toDomain(SampleResponseInput in) {
        return new SampleService.Answer(
                in.getCode(),
                Boolean.TRUE.equals(in.getRefused()),
                in.getAware(),
                in.getRating(),
                Boolean.TRUE.equals(in.getNoAnswer()),
                in.getInterviewer(),
                in.getInterviewedOn());
    }

    static io.jixiao.api.model.SampleResponse toApi(SampleResponse r) {
        return new io.jixiao.api.model.SampleResponse()
                .code(r.code)
                .stratum(r.stratum)
                .role(io.jixiao.api.model.SampleResponseRole.fromValue(r.role.name()))
                .refused(r.refused)
                .aware(r.aware)
                .rating(r.rating == null ? null : r.rating.intValue())
                .noAnswer(r.noAnswer ? Boolean.TRUE : null)
                .interviewer(r.interviewer)
                .interviewedOn(r.interviewedOn)
                .recordedBy(r.recordedBy)
                .recordedAt(r.recordedAt.atOffset(ZoneOffset.UTC));
    }

    static SampleResponseList toApi(List<SampleResponse> responses) {
        return new SampleResponseList()
                .items(responses.stream().map(SampleMapper::toApi).toList());
    }

    static SampleResults toApi(SampleTally.Results results) {
        boolean awareness = results.kind() == SampleKind.AWARENESS;
        SampleTally.Overall o = results.overall();
        return new SampleResults()
                .kind(io.jixiao.api.model.SampleKind.fromValue(results.kind().name()))
                .strata(results.strata().stream()
                        .map(s -> new StratumResult()
                                .stratum(s.stratum())
                                .name(s.name())
                                .quota(s.quota())
                                .drawn(s.drawn())
                                .shortfall(s.shortfall())
                                .respondents(s.respondents())
                                .refusals(s.refusals())
                                .aware(awareness ? s.aware() : null)
                                .noAnswers(awareness ? null : s.noAnswers())
                                .valid(awareness ? null : s.valid())
                                .satisfied(awareness ? null : s.satisfied())
                                .rate(Decimals.format(s.rate()))
                                .quotaMet(s.quotaMet()))
                        .toList())
                .overall(new OverallResult()
                        .quota(o.quota())
                        .respondents(o.respondents())
                        .refusals(o.refusals())
                        .aware(awareness ? o.aware() : null)
                        .noAnswers(awareness ? null : o.noAnswers())
                        .valid(awareness ? null : o.valid())
                        .satisfied(awareness ? null : o.satisfied())
                        .rate(Decimals.format(o.rate()))
                        .quotasMet(o.quotasMet()));
    }

    static SampleKind toDomain(io.jixiao.api.model.SampleKind kind) {
        return SampleKind.valueOf(kind.name());
    }
}
