package io.jixiao.evaluation;

import io.jixiao.common.security.Caller;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The result as the caller may see it. Finalized: the frozen result, whole, for everyone in
 * scope. Before that: provisional and independent — a party sees its own score only, the total
 * and grade are not shown, and only the bureau and auditors see whether the parties disagree.
 */
@ApplicationScoped
public class ResultService {

    /** One party's line; score and contribution are null where the caller may not see them. */
    public record PartyLine(
            Party party,
            String organisation,
            boolean submitted,
            BigDecimal score,
            BigDecimal weight,
            BigDecimal contribution) {}

    /** The disagreement check; spread is null until finalization. */
    public record Disagreement(boolean flagged, BigDecimal spread, BigDecimal threshold) {}

    public record View(
            Evaluation evaluation,
            boolean frozen,
            List<PartyLine> parties,
            List<Party> missing,
            BigDecimal totalExact,
            BigDecimal total,
            Grade grade,
            Disagreement disagreement) {}

    @Inject
    EvaluationLookup lookup;

    @Inject
    EvaluationAccess access;

    @Inject
    PartyScores partyScores;

    @Transactional
    public View result(Caller caller, UUID id) {
        Evaluation evaluation = lookup.forReading(caller, id);
        return view(caller, evaluation, () -> partyScores.currentScores(id));
    }

    /**
     * The result of the evaluation as given — the current row, or a snapshot of it as of an
     * instant ({@link EvaluationHistory}) with the scores in force then — for this caller.
     */
    View view(Caller caller, Evaluation evaluation, Supplier<Map<Party, BigDecimal>> scoreSource) {
        if (evaluation.state == EvaluationState.FINALIZED) {
            return frozen(evaluation);
        }
        EvaluationRef ref = evaluation.ref();
        Map<Party, BigDecimal> scores = scoreSource.get();
        List<PartyLine> lines = new ArrayList<>();
        List<Party> missing = new ArrayList<>();
        for (Party party : Party.values()) {
            BigDecimal score = scores.get(party);
            if (score == null) {
                missing.add(party);
            }
            boolean visible = score != null && access.maySeeScores(caller, ref, party);
            BigDecimal weight = evaluation.weights().of(party);
            lines.add(new PartyLine(
                    party,
                    evaluation.organisationOf(party),
                    score != null,
                    visible ? score : null,
                    weight,
                    visible ? Scoring.contribution(weight, score) : null));
        }
        Disagreement disagreement = access.overseesProcess(caller, ref)
                ? new Disagreement(
                        Scoring.disagree(scores.values(), evaluation.disagreementThreshold),
                        null,
                        evaluation.disagreementThreshold)
                : null;
        return new View(evaluation, false, lines, missing, null, null, null, disagreement);
    }

    private static View frozen(Evaluation evaluation) {
        Map<Party, BigDecimal> scores = new EnumMap<>(Party.class);
        scores.put(Party.BUREAU, evaluation.resultBureau);
        scores.put(Party.STREET_OFFICE, evaluation.resultStreetOffice);
        scores.put(Party.ASSESSOR, evaluation.resultAssessor);
        List<PartyLine> lines = new ArrayList<>();
        scores.forEach((party, score) -> {
            BigDecimal weight = evaluation.weights().of(party);
            lines.add(new PartyLine(
                    party, evaluation.organisationOf(party), true, score, weight, Scoring.contribution(weight, score)));
        });
        return new View(
                evaluation,
                true,
                lines,
                List.of(),
                evaluation.resultTotalExact,
                evaluation.resultTotal,
                evaluation.resultGrade,
                new Disagreement(
                        Boolean.TRUE.equals(evaluation.resultFlagged),
                        evaluation.resultSpread,
                        evaluation.disagreementThreshold));
    }
}
