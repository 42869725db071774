package io.jixiao.sampling;

import io.jixiao.common.AuditContext;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationLookup;
import io.jixiao.evaluation.EvaluationOpened;
import io.jixiao.evaluation.EvaluationRef;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Samples of an evaluation: created with the policy plan when the evaluation opens; the assigned
 * assessor organisation edits the plan, uploads the roster, draws once and records responses
 * while the evaluation is open. The bureau and auditors see everything; the purchasing street
 * office sees the results only.
 */
@ApplicationScoped
public class SampleService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A sample with what its draw looks like now. */
    public record View(
            Sample sample,
            Map<String, Integer> rosterSizes,
            List<SampleRepository.DrawEntry> draw,
            boolean reproduced) {}

    /** What an interviewer reports. */
    public record Answer(
            String code,
            boolean refused,
            Boolean aware,
            Integer rating,
            boolean noAnswer,
            String interviewer,
            LocalDate interviewedOn) {}

    @Inject
    SampleRepository samples;

    @Inject
    EvaluationLookup evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    AuditContext audit;

    /** When an evaluation opens, in its transaction: both samples, with the policy's plans. */
    @Transactional(Transactional.TxType.MANDATORY)
    void createPolicySamples(@Observes EvaluationOpened opened) {
        UUID evaluationId = opened.evaluation().id();
        for (SampleKind kind : SampleKind.values()) {
            if (samples.find(evaluationId, kind, LockModeType.NONE).isEmpty()) {
                Sample sample = new Sample();
                sample.id = UUID.randomUUID();
                sample.evaluationId = evaluationId;
                sample.kind = kind;
                sample.strata = new ArrayList<>(PolicyPlans.of(kind));
                sample.createdAt = now();
                samples.persist(sample);
            }
        }
    }

    @Transactional
    public View get(Caller caller, UUID evaluationId, SampleKind kind) {
        EvaluationRef evaluation = evaluations.visible(caller, evaluationId);
        requireReader(caller, evaluation);
        return view(find(evaluation, kind, LockModeType.NONE));
    }

    @Transactional
    public View replacePlan(
            Caller caller,
            UUID evaluationId,
            SampleKind kind,
            List<StratumPlan> strata,
            ExpectedVersion expectedVersion) {
        Sample sample = writable(caller, evaluationId, kind, expectedVersion, true);
        requireNotDrawn(sample);
        Set<String> codes = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < strata.size(); i++) {
            if (!codes.add(strata.get(i).code)) {
                problems.add(
                        new FieldProblem("strata[" + i + "].code", "stratum " + strata.get(i).code + " appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (sample.rosterDigest != null) {
            Set<String> used = samples.rosterSizes(sample.id).keySet();
            used.removeAll(codes);
            if (!used.isEmpty()) {
                throw InvalidInput.of(
                        "strata",
                        "the uploaded roster uses strata the plan would drop: "
                                + String.join(", ", used.stream().sorted().toList()) + "; upload a new roster first");
            }
        }
        sample.strata = new ArrayList<>(strata);
        samples.flush();
        trail.record("replaceSamplePlan", io.jixiao.audit.AuditSubject.sample(evaluationId, kind.name()));
        return view(sample);
    }

    @Transactional
    public View uploadRoster(
            Caller caller,
            UUID evaluationId,
            SampleKind kind,
            byte[] content,
            boolean json,
            ExpectedVersion expectedVersion) {
        Sample sample = writable(caller, evaluationId, kind, expectedVersion, true);
        requireNotDrawn(sample);
        Set<String> strata = sample.strata.stream().map(s -> s.code).collect(Collectors.toSet());
        List<RosterEntry> entries;
        try {
            entries = json ? RosterParser.parseJson(content, strata) : RosterParser.parseCsv(content, strata);
        } catch (RosterParser.RosterRejected rejected) {
            throw new InvalidInput(rejected.problems().stream()
                    .map(p -> new FieldProblem(
                            p.line() > 0 ? "line " + p.line() + ", column " + p.column() : p.column(), p.message()))
                    .toList());
        }
        samples.replaceRoster(sample.id, entries);
        sample.rosterDigest = SampleDraw.rosterDigest(entries);
        sample.rosterSize = entries.size();
        sample.rosterUploadedAt = now();
        sample.rosterUploadedBy = caller.username();
        samples.flush();
        trail.record("uploadRoster", io.jixiao.audit.AuditSubject.sample(evaluationId, kind.name()));
        return view(sample);
    }

    @Transactional
    public View draw(Caller caller, UUID evaluationId, SampleKind kind, String seed, ExpectedVersion expectedVersion) {
        Sample sample = writable(caller, evaluationId, kind, expectedVersion, true);
        requireNotDrawn(sample);
        if (sample.rosterDigest == null) {
            throw new InvalidState("Upload the roster before drawing.", "NOT_DRAWN");
        }
        String chosenSeed = seed == null || seed.isBlank() ? SampleDraw.newSeed() : seed;
        if (chosenSeed.contains("\n") || chosenSeed.contains("\r")) {
            throw InvalidInput.of("seed", "must be one line");
        }
        SampleDraw.Draw draw = SampleDraw.draw(samples.roster(sample.id), plan(sample), chosenSeed);
        samples.storeDraw(sample.id, draw);
        sample.seed = chosenSeed;
        sample.drawnAt = now();
        sample.drawnBy = caller.username();
        samples.flush();
        trail.record("drawSample", io.jixiao.audit.AuditSubject.sample(evaluationId, kind.name()));
        return view(sample);
    }

    @Transactional
    public List<SampleResponse> responses(Caller caller, UUID evaluationId, SampleKind kind) {
        EvaluationRef evaluation = evaluations.visible(caller, evaluationId);
        requireReader(caller, evaluation);
        return samples.responses(find(evaluation, kind, LockModeType.NONE).id);
    }

    @Transactional
    public SampleResponse record(Caller caller, UUID evaluationId, SampleKind kind, Answer answer) {
        Sample sample = writable(caller, evaluationId, kind, null, false);
        if (!sample.drawn()) {
            throw new InvalidState("Responses are recorded after the draw.", "NOT_DRAWN");
        }
        checkAnswer(kind, answer);
        List<SampleRepository.DrawEntry> draw = samples.drawEntries(sample.id);
        SampleRepository.DrawEntry entry = draw.stream()
                .filter(e -> e.code().equals(answer.code()))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of("code", "code " + answer.code() + " was not drawn for this sample"));
        List<SampleResponse> recorded = samples.responses(sample.id);
        if (recorded.stream().anyMatch(r -> r.code.equals(answer.code()))) {
            throw new Conflict("Code " + answer.code() + " has already answered.");
        }
        if (entry.role() == DrawRole.RESERVE) {
            checkReserveMayAnswer(draw, entry, recorded);
        }
        SampleResponse response = new SampleResponse();
        response.id = UUID.randomUUID();
        response.sampleId = sample.id;
        response.code = entry.code();
        response.stratum = entry.stratum();
        response.role = entry.role();
        response.refused = answer.refused();
        response.aware = answer.aware();
        response.rating = answer.rating() == null ? null : answer.rating().shortValue();
        response.noAnswer = answer.noAnswer();
        response.interviewer = answer.interviewer() == null ? caller.organisationCode() : answer.interviewer();
        response.interviewedOn = answer.interviewedOn();
        response.recordedBy = caller.username();
        response.recordedAt = now();
        samples.persist(response);
        samples.flush();
        trail.record(
                "recordSampleResponse",
                io.jixiao.audit.AuditSubject.sampleResponse(evaluationId, kind.name(), response.id));
        return response;
    }

    @Transactional
    public SampleTally.Results results(Caller caller, UUID evaluationId, SampleKind kind) {
        EvaluationRef evaluation = evaluations.visible(caller, evaluationId);
        requireNotOnlyProvider(caller, evaluation);
        Sample sample = find(evaluation, kind, LockModeType.NONE);
        Map<String, Integer> drawn = new HashMap<>();
        samples.drawEntries(sample.id).stream()
                .filter(e -> e.role() == DrawRole.SELECTED)
                .forEach(e -> drawn.merge(e.stratum(), 1, Integer::sum));
        if (sample.drawn()) {
            sample.strata.forEach(s -> drawn.putIfAbsent(s.code, 0));
        }
        return SampleTally.tally(kind, sample.strata, drawn, samples.responses(sample.id));
    }

    /** A reserve answers only in drawn order, each replacing one recorded refusal of its stratum. */
    private static void checkReserveMayAnswer(
            List<SampleRepository.DrawEntry> draw, SampleRepository.DrawEntry entry, List<SampleResponse> recorded) {
        long refusals = recorded.stream()
                .filter(r -> r.stratum.equals(entry.stratum()) && r.refused)
                .count();
        List<SampleResponse> reservesUsed = recorded.stream()
                .filter(r -> r.stratum.equals(entry.stratum()) && r.role == DrawRole.RESERVE)
                .toList();
        if (refusals <= reservesUsed.size()) {
            throw InvalidInput.of(
                    "code",
                    "reserve " + entry.code() + " may answer only in place of a recorded " + "refusal in stratum "
                            + entry.stratum() + "; there is none to replace");
        }
        Set<String> used = reservesUsed.stream().map(r -> r.code).collect(Collectors.toSet());
        String next = draw.stream()
                .filter(e ->
                        e.stratum().equals(entry.stratum()) && e.role() == DrawRole.RESERVE && !used.contains(e.code()))
                .findFirst()
                .map(SampleRepository.DrawEntry::code)
                .orElse(entry.code());
        if (!next.equals(entry.code())) {
            throw InvalidInput.of(
                    "code",
                    "reserves answer in drawn order: the next reserve of stratum " + entry.stratum() + " is " + next);
        }
    }

    private static void checkAnswer(SampleKind kind, Answer answer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (answer.interviewedOn().isAfter(LocalDate.now(CHINA))) {
            problems.add(new FieldProblem("interviewedOn", "must not be in the future"));
        }
        boolean anyAnswer = answer.aware() != null || answer.rating() != null || answer.noAnswer();
        if (answer.refused()) {
            if (anyAnswer) {
                problems.add(new FieldProblem("refused", "a refusal carries no answer"));
            }
        } else if (kind == SampleKind.AWARENESS) {
            if (answer.aware() == null) {
                problems.add(new FieldProblem("aware", "an awareness interview records whether the person is aware"));
            }
            if (answer.rating() != null || answer.noAnswer()) {
                problems.add(new FieldProblem("rating", "awareness interviews have no rating"));
            }
        } else {
            if (answer.aware() != null) {
                problems.add(new FieldProblem("aware", "satisfaction interviews record a rating, not awareness"));
            }
            if ((answer.rating() == null) == !answer.noAnswer()) {
                problems.add(new FieldProblem("rating", "give a rating 1..5 or noAnswer, exactly one of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /**
     * The sample, locked, if the caller is the evaluation's assessor and it is open. Edits of the
     * sample itself need its current version; responses (appends, {@code checkVersion} false) do not.
     */
    private Sample writable(
            Caller caller, UUID evaluationId, SampleKind kind, ExpectedVersion expectedVersion, boolean checkVersion) {
        EvaluationRef evaluation = evaluations.visible(caller, evaluationId);
        access.requireAssessor(caller, evaluation, "Sampling");
        access.requireOpen(evaluation, "Sampling happens");
        Sample sample = find(evaluation, kind, LockModeType.PESSIMISTIC_WRITE);
        if (checkVersion) {
            Versions.requireCurrent(expectedVersion, sample.version, "sample");
        }
        return sample;
    }

    private Sample find(EvaluationRef evaluation, SampleKind kind, LockModeType lock) {
        return samples.find(evaluation.id(), kind, lock)
                .orElseThrow(() -> new NotFound("Evaluation " + evaluation.id() + " has no " + kind
                        + " sample: samples start when it is opened."));
    }

    /**
     * The provider evaluated never sees its samples, not even the per-stratum results: strata can
     * be small enough (committee partners) to tell who answered what.
     */
    private void requireNotOnlyProvider(Caller caller, EvaluationRef evaluation) {
        if (access.isProvider(caller, evaluation)
                && !caller.has(Roles.AUDITOR)
                && access.partiesOf(caller, evaluation).isEmpty()) {
            throw new Forbidden("Sample results are seen by the evaluation's parties and auditors.");
        }
    }

    private void requireReader(Caller caller, EvaluationRef evaluation) {
        Set<Party> parties = access.partiesOf(caller, evaluation);
        if (!caller.has(Roles.AUDITOR) && !parties.contains(Party.BUREAU) && !parties.contains(Party.ASSESSOR)) {
            throw new Forbidden("The sample's roster, draw and responses are seen by the assessor, the bureau and "
                    + "auditors; the purchaser sees the results.");
        }
    }

    private static void requireNotDrawn(Sample sample) {
        if (sample.drawn()) {
            throw new InvalidState(
                    "The sample was drawn on " + sample.drawnAt + "; its plan and roster no longer " + "change.",
                    "DRAWN");
        }
    }

    private static List<SampleDraw.Stratum> plan(Sample sample) {
        return sample.strata.stream()
                .map(s -> new SampleDraw.Stratum(s.code, s.quota, s.reserves))
                .toList();
    }

    /** The sample as stored, and whether re-running the draw from its roster and seed gives it again. */
    private View view(Sample sample) {
        List<SampleRepository.DrawEntry> stored = samples.drawEntries(sample.id);
        boolean reproduced = false;
        if (sample.drawn()) {
            List<RosterEntry> roster = samples.roster(sample.id);
            SampleDraw.Draw again = SampleDraw.draw(roster, plan(sample), sample.seed);
            List<SampleRepository.DrawEntry> expected = new ArrayList<>();
            for (SampleDraw.StratumDraw s : again.strata()) {
                for (int i = 0; i < s.selected().size(); i++) {
                    expected.add(
                            new SampleRepository.DrawEntry(s.selected().get(i), s.stratum(), DrawRole.SELECTED, i + 1));
                }
                for (int i = 0; i < s.reserves().size(); i++) {
                    expected.add(
                            new SampleRepository.DrawEntry(s.reserves().get(i), s.stratum(), DrawRole.RESERVE, i + 1));
                }
            }
            reproduced = again.rosterDigest().equals(sample.rosterDigest)
                    && new HashSet<>(expected).equals(new HashSet<>(stored));
        }
        return new View(sample, samples.rosterSizes(sample.id), stored, reproduced);
    }

    private Instant now() {
        return audit.now();
    }
}
