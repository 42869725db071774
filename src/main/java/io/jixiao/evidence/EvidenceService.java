package io.jixiao.evidence;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.evaluation.EvaluationLookup;
import io.jixiao.evaluation.EvaluationState;
import io.jixiao.project.ProjectAccess;
import io.jixiao.project.ProjectRef;
import io.jixiao.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Evidence per project and fiscal year. Everyone who sees the project reads it. The purchasing
 * street office maintains the contract indicators; an assessor organisation assigned to an open
 * evaluation of that year confirms them. The year's other evidence is entered by the purchasing
 * street office or by that assessor.
 */
@ApplicationScoped
public class EvidenceService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    @Inject
    IndicatorSetRepository indicatorSets;

    @Inject
    YearEvidenceRepository yearEvidence;

    @Inject
    AuditContext audit;

    @Inject
    ProjectService projects;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EvaluationLookup evaluations;

    @Transactional
    public IndicatorSet indicators(Caller caller, UUID projectId, int fiscalYear) {
        projects.ref(caller, projectId);
        return indicatorSets
                .find(projectId, fiscalYear)
                .orElseThrow(() ->
                        new NotFound("Project " + projectId + " has no contract indicators for " + fiscalYear + "."));
    }

    @Transactional
    public Outcome<IndicatorSet> replaceIndicators(
            Caller caller, UUID projectId, int fiscalYear, List<IndicatorLine> lines, ExpectedVersion expectedVersion) {
        ProjectRef project = projects.ref(caller, projectId);
        projectAccess.requirePurchaser(caller, project);
        checkUniqueKeys(lines);
        Optional<IndicatorSet> existing = indicatorSets.find(projectId, fiscalYear);
        IndicatorSet set;
        if (existing.isPresent()) {
            set = existing.get();
            Versions.requireCurrent(expectedVersion, set.version, "indicator set");
            set.markReplaced();
        } else {
            set = new IndicatorSet();
            set.id = UUID.randomUUID();
            set.projectId = projectId;
            set.fiscalYear = fiscalYear;
        }
        set.indicators = new ArrayList<>(lines); // a new list: the rows are rewritten, never merged
        set.confirmedBy = null; // changed figures need a new confirmation
        set.confirmedOrganisation = null;
        set.confirmedAt = null;
        if (existing.isEmpty()) {
            indicatorSets.persist(set);
        }
        indicatorSets.flush();
        trail.record("replaceIndicatorSet", io.jixiao.audit.AuditSubject.indicatorSet(projectId, fiscalYear));
        return existing.isEmpty() ? Outcome.created(set) : Outcome.replaced(set);
    }

    @Transactional
    public IndicatorSet confirmIndicators(
            Caller caller, UUID projectId, int fiscalYear, ExpectedVersion expectedVersion) {
        projects.ref(caller, projectId);
        if (!caller.has(Roles.ASSESSOR)) {
            throw new Forbidden("Only the assessor organisation of an open evaluation confirms indicators.");
        }
        IndicatorSet set = indicators(caller, projectId, fiscalYear);
        if (!evaluations.assessorAssigned(projectId, fiscalYear, caller.organisationCode(), EvaluationState.OPEN)) {
            throw new InvalidState(
                    "Indicators are confirmed by the assessor of an OPEN evaluation of " + fiscalYear + "; "
                            + caller.organisationCode() + " has none.",
                    null);
        }
        Versions.requireCurrent(expectedVersion, set.version, "indicator set");
        set.confirmedBy = caller.username();
        set.confirmedOrganisation = caller.organisationCode();
        set.confirmedAt = audit.now();
        indicatorSets.flush();
        trail.record("confirmIndicatorSet", io.jixiao.audit.AuditSubject.indicatorSet(projectId, fiscalYear));
        return set;
    }

    @Transactional
    public YearEvidence yearEvidence(Caller caller, UUID projectId, int fiscalYear) {
        projects.ref(caller, projectId);
        return yearEvidence
                .find(projectId, fiscalYear)
                .orElseThrow(() ->
                        new NotFound("Project " + projectId + " has no evidence recorded for " + fiscalYear + "."));
    }

    @Transactional
    public Outcome<YearEvidence> replaceYearEvidence(
            Caller caller, UUID projectId, int fiscalYear, YearEvidence content, ExpectedVersion expectedVersion) {
        ProjectRef project = projects.ref(caller, projectId);
        boolean purchaser = projectAccess.isPurchaser(caller, project);
        boolean assessor = caller.has(Roles.ASSESSOR)
                && evaluations.assessorAssigned(projectId, fiscalYear, caller.organisationCode(), EvaluationState.OPEN);
        if (!purchaser && !assessor) {
            throw new Forbidden("The year's evidence is entered by the purchasing street office or by the "
                    + "assessor of an open evaluation of " + fiscalYear + ".");
        }
        Optional<YearEvidence> existing = yearEvidence.find(projectId, fiscalYear);
        YearEvidence evidence;
        if (existing.isPresent()) {
            evidence = existing.get();
            Versions.requireCurrent(expectedVersion, evidence.version, "evidence");
            evidence.markReplaced();
        } else {
            evidence = new YearEvidence();
            evidence.id = UUID.randomUUID();
            evidence.projectId = projectId;
            evidence.fiscalYear = fiscalYear;
        }
        evidence.resources = new ArrayList<>(content.resources);
        evidence.offsets = new ArrayList<>(content.offsets);
        evidence.offsetCategories = new ArrayList<>(content.offsetCategories);
        evidence.honours = new ArrayList<>(content.honours);
        evidence.complaintsReceived = content.complaintsReceived;
        evidence.complaintsNote = content.complaintsNote;
        if (existing.isEmpty()) {
            yearEvidence.persist(evidence);
        }
        yearEvidence.flush();
        trail.record("replaceYearEvidence", io.jixiao.audit.AuditSubject.yearEvidence(projectId, fiscalYear));
        return existing.isEmpty() ? Outcome.created(evidence) : Outcome.replaced(evidence);
    }

    private static void checkUniqueKeys(List<IndicatorLine> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!keys.add(lines.get(i).key)) {
                problems.add(new FieldProblem(
                        "indicators[" + i + "].key", "indicator " + lines.get(i).key + " appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
