package io.jixiao.evidence;

import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.evaluation.EvaluationRepository;
import io.jixiao.evaluation.EvaluationState;
import io.jixiao.project.Project;
import io.jixiao.project.ProjectAccess;
import io.jixiao.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** The outcome of a create-or-replace. */
    public record Written<T>(T value, boolean created) {
    }

    @Inject
    EntityManager em;

    @Inject
    ProjectService projects;

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EvaluationRepository evaluations;

    @Transactional
    public IndicatorSet indicators(Caller caller, UUID projectId, int fiscalYear) {
        projects.get(caller, projectId);
        return findIndicators(projectId, fiscalYear).orElseThrow(() -> new NotFound(
                "Project " + projectId + " has no contract indicators for " + fiscalYear + "."));
    }

    @Transactional
    public Written<IndicatorSet> replaceIndicators(Caller caller, UUID projectId, int fiscalYear,
            List<IndicatorLine> lines, Long expectedVersion) {
        Project project = projects.get(caller, projectId);
        projectAccess.requirePurchaser(caller, project);
        checkUniqueKeys(lines);
        Instant now = now();
        Optional<IndicatorSet> existing = findIndicators(projectId, fiscalYear);
        IndicatorSet set;
        if (existing.isPresent()) {
            set = existing.get();
            Versions.requireCurrent(expectedVersion, set.version, "indicator set");
        } else {
            set = new IndicatorSet();
            set.id = UUID.randomUUID();
            set.projectId = projectId;
            set.fiscalYear = fiscalYear;
            set.createdAt = now;
            set.createdBy = caller.username();
        }
        set.indicators = new ArrayList<>(lines); // a new list: the rows are rewritten, never merged
        set.confirmedBy = null; // changed figures need a new confirmation
        set.confirmedOrganisation = null;
        set.confirmedAt = null;
        set.updatedAt = now;
        set.updatedBy = caller.username();
        if (existing.isEmpty()) {
            em.persist(set);
        }
        em.flush();
        return new Written<>(set, existing.isEmpty());
    }

    @Transactional
    public IndicatorSet confirmIndicators(Caller caller, UUID projectId, int fiscalYear, Long expectedVersion) {
        projects.get(caller, projectId);
        if (!caller.has(Roles.ASSESSOR)) {
            throw new Forbidden("Only the assessor organisation of an open evaluation confirms indicators.");
        }
        IndicatorSet set = indicators(caller, projectId, fiscalYear);
        if (!evaluations.assessorAssigned(projectId, fiscalYear, caller.organisationCode(), EvaluationState.OPEN)) {
            throw new InvalidState("Indicators are confirmed by the assessor of an OPEN evaluation of " + fiscalYear
                    + "; " + caller.organisationCode() + " has none.", null);
        }
        Versions.requireCurrent(expectedVersion, set.version, "indicator set");
        set.confirmedBy = caller.username();
        set.confirmedOrganisation = caller.organisationCode();
        set.confirmedAt = now();
        em.flush();
        return set;
    }

    @Transactional
    public YearEvidence yearEvidence(Caller caller, UUID projectId, int fiscalYear) {
        projects.get(caller, projectId);
        return findYearEvidence(projectId, fiscalYear).orElseThrow(() -> new NotFound(
                "Project " + projectId + " has no evidence recorded for " + fiscalYear + "."));
    }

    @Transactional
    public Written<YearEvidence> replaceYearEvidence(Caller caller, UUID projectId, int fiscalYear,
            YearEvidence content, Long expectedVersion) {
        Project project = projects.get(caller, projectId);
        boolean purchaser = caller.has(Roles.STREET_OFFICE) && caller.actsFor(project.purchaserCode);
        boolean assessor = caller.has(Roles.ASSESSOR) && evaluations.assessorAssigned(projectId, fiscalYear,
                caller.organisationCode(), EvaluationState.OPEN);
        if (!purchaser && !assessor) {
            throw new Forbidden("The year's evidence is entered by the purchasing street office or by the "
                    + "assessor of an open evaluation of " + fiscalYear + ".");
        }
        Instant now = now();
        Optional<YearEvidence> existing = findYearEvidence(projectId, fiscalYear);
        YearEvidence evidence;
        if (existing.isPresent()) {
            evidence = existing.get();
            Versions.requireCurrent(expectedVersion, evidence.version, "evidence");
        } else {
            evidence = new YearEvidence();
            evidence.id = UUID.randomUUID();
            evidence.projectId = projectId;
            evidence.fiscalYear = fiscalYear;
            evidence.createdAt = now;
            evidence.createdBy = caller.username();
        }
        evidence.resources = new ArrayList<>(content.resources);
        evidence.offsets = new ArrayList<>(content.offsets);
        evidence.offsetCategories = new ArrayList<>(content.offsetCategories);
        evidence.honours = new ArrayList<>(content.honours);
        evidence.complaintsReceived = content.complaintsReceived;
        evidence.complaintsNote = content.complaintsNote;
        evidence.updatedAt = now;
        evidence.updatedBy = caller.username();
        if (existing.isEmpty()) {
            em.persist(evidence);
        }
        em.flush();
        return new Written<>(evidence, existing.isEmpty());
    }

    private Optional<IndicatorSet> findIndicators(UUID projectId, int fiscalYear) {
        return em.createQuery("from IndicatorSet s where s.projectId = :p and s.fiscalYear = :y", IndicatorSet.class)
                .setParameter("p", projectId).setParameter("y", fiscalYear).getResultStream().findFirst();
    }

    private Optional<YearEvidence> findYearEvidence(UUID projectId, int fiscalYear) {
        return em.createQuery("from YearEvidence e where e.projectId = :p and e.fiscalYear = :y", YearEvidence.class)
                .setParameter("p", projectId).setParameter("y", fiscalYear).getResultStream().findFirst();
    }

    private static void checkUniqueKeys(List<IndicatorLine> lines) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!keys.add(lines.get(i).key)) {
                problems.add(new FieldProblem("indicators[" + i + "].key", "indicator " + lines.get(i).key
                        + " appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
