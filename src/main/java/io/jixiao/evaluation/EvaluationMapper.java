package io.jixiao.evaluation;

import io.jixiao.api.model.EvaluationInput;
import io.jixiao.api.model.EvaluationPage;
import io.jixiao.api.model.EvaluationResult;
import io.jixiao.api.model.PartyResult;
import io.jixiao.api.model.Transition;
import io.jixiao.api.model.TransitionList;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.i18n.Labels;
import io.jixiao.common.paging.Page;
import io.jixiao.framework.Points;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Between the contract's evaluation models and the domain. */
final class EvaluationMapper {

    private EvaluationMapper() {}

    static io.jixiao.api.model.Evaluation toApi(Evaluation e, String language) {
        return new io.jixiao.api.model.Evaluation()
                .id(e.id)
                .projectId(e.projectId)
                .fiscalYear(e.fiscalYear)
                .phase(io.jixiao.api.model.EvaluationPhase.fromValue(e.phase.name()))
                .frameworkId(e.frameworkId)
                .bureau(e.bureauCode)
                .purchaser(e.purchaserCode)
                .assessor(e.assessorCode)
                .district(e.district)
                .provider(e.providerCode)
                .appealWindowDays(e.appealWindow())
                .state(io.jixiao.api.model.EvaluationState.fromValue(e.state.name()))
                .weights(new io.jixiao.api.model.Weights()
                        .bureau(text(e.weightBureau))
                        .streetOffice(text(e.weightStreetOffice))
                        .assessor(text(e.weightAssessor)))
                .disagreementThreshold(text(e.disagreementThreshold))
                .total(text(e.resultTotal))
                .grade(grade(e.resultGrade))
                .gradeLabel(e.resultGrade == null ? null : Labels.grade(e.resultGrade.name(), language))
                .stateLabel(Labels.state(e.state.name(), language))
                .version(e.version)
                .createdAt(utc(e.createdAt))
                .updatedAt(utc(e.updatedAt));
    }

    static EvaluationPage toApi(Page<Evaluation> page, String language) {
        return new EvaluationPage()
                .items(page.items().stream().map(e -> toApi(e, language)).toList())
                .nextCursor(page.nextCursor());
    }

    static TransitionList toApi(List<EvaluationTransition> transitions) {
        return new TransitionList()
                .items(transitions.stream()
                        .map(t -> new Transition()
                                .action(io.jixiao.api.model.TransitionAction.fromValue(t.action.name()))
                                .fromState(io.jixiao.api.model.EvaluationState.fromValue(t.fromState.name()))
                                .toState(io.jixiao.api.model.EvaluationState.fromValue(t.toState.name()))
                                .actor(t.actor)
                                .actorOrganisation(t.actorOrganisation)
                                .at(utc(t.at))
                                .reason(t.reason)
                                .total(text(t.total))
                                .grade(grade(t.grade))
                                .appealId(t.appealId))
                        .toList());
    }

    static EvaluationResult toApi(ResultService.View view, String language) {
        List<PartyResult> parties = view.parties().stream()
                .map(line -> new PartyResult()
                        .party(io.jixiao.api.model.Party.fromValue(line.party().name()))
                        .organisation(line.organisation())
                        .submitted(line.submitted())
                        .score(text(line.score()))
                        .weight(text(line.weight()))
                        .contribution(text(line.contribution())))
                .toList();
        EvaluationResult result = new EvaluationResult()
                .evaluationId(view.evaluation().id)
                .state(io.jixiao.api.model.EvaluationState.fromValue(
                        view.evaluation().state.name()))
                .frozen(view.frozen())
                .parties(parties)
                .missingParties(view.missing().stream()
                        .map(p -> io.jixiao.api.model.Party.fromValue(p.name()))
                        .toList())
                .totalExact(text(view.totalExact()))
                .total(text(view.total()))
                .grade(grade(view.grade()))
                .gradeLabel(
                        view.grade() == null ? null : Labels.grade(view.grade().name(), language));
        if (view.disagreement() != null) {
            result.disagreement(new io.jixiao.api.model.Disagreement()
                    .flagged(view.disagreement().flagged())
                    .spread(text(view.disagreement().spread()))
                    .threshold(text(view.disagreement().threshold())));
        }
        if (view.frozen()) {
            result.note(view.evaluation().finalizationNote)
                    .finalizedAt(utc(view.evaluation().finalizedAt))
                    .finalizedBy(view.evaluation().finalizedBy)
                    .appealDeadline(utc(view.evaluation().appealDeadline()));
        }
        return result;
    }

    static NewEvaluation toDomain(EvaluationInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Weights weights = null;
        if (in.getWeights() != null) {
            BigDecimal bureau = Points.parse(in.getWeights().getBureau());
            BigDecimal street = Points.parse(in.getWeights().getStreetOffice());
            BigDecimal assessor = Points.parse(in.getWeights().getAssessor());
            if (bureau == null) {
                problems.add(new FieldProblem("weights.bureau", "must be 0..100 with at most 2 decimals"));
            }
            if (street == null) {
                problems.add(new FieldProblem("weights.streetOffice", "must be 0..100 with at most 2 decimals"));
            }
            if (assessor == null) {
                problems.add(new FieldProblem("weights.assessor", "must be 0..100 with at most 2 decimals"));
            }
            weights = new Weights(bureau, street, assessor);
        }
        BigDecimal threshold = null;
        if (in.getDisagreementThreshold() != null) {
            threshold = Points.parse(in.getDisagreementThreshold());
            if (threshold == null) {
                problems.add(new FieldProblem("disagreementThreshold", "must be 0..100 with at most 2 decimals"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new NewEvaluation(
                in.getProjectId(),
                in.getFiscalYear(),
                EvaluationPhase.valueOf(in.getPhase().name()),
                in.getFrameworkId(),
                in.getAssessor(),
                weights,
                threshold,
                in.getAppealWindowDays());
    }

    static EvaluationRepository.Filter filter(
            java.util.UUID projectId,
            Integer fiscalYear,
            io.jixiao.api.model.EvaluationPhase phase,
            io.jixiao.api.model.EvaluationState state,
            io.jixiao.api.model.Grade grade,
            String district) {
        return new EvaluationRepository.Filter(
                projectId,
                fiscalYear,
                phase == null ? null : EvaluationPhase.valueOf(phase.name()),
                state == null ? null : EvaluationState.valueOf(state.name()),
                grade == null ? null : Grade.valueOf(grade.name()),
                district);
    }

    private static io.jixiao.api.model.Grade grade(Grade grade) {
        return grade == null ? null : io.jixiao.api.model.Grade.fromValue(grade.name());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
