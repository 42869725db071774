package io.jixiao.evaluation;

import io.jixiao.common.QueryScope;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.common.security.Visibility;
import io.jixiao.common.security.Visibility.Rule;
import io.jixiao.framework.Party;
import io.jixiao.organisation.OrganisationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may see an evaluation, act on it and see which scores — read and write rules in one place.
 * Scope is like projects': the purchasing street office, the bureau of the district, the assigned
 * assessor organisation (once the evaluation is opened), the evaluated provider (only while it is
 * FINALIZED: never the scoring in progress) and auditors. A caller acts as a party only
 * for its own organisation's part; before finalization a party sees only its own scores
 * (independence).
 */
@ApplicationScoped
public class EvaluationAccess {

    @Inject
    OrganisationDirectory organisations;

    /** The read rules, once: as query conditions for lists and as tests on one evaluation. */
    private List<Rule<Evaluation>> rules(Caller caller) {
        String org = caller.organisationCode();
        if (org == null) {
            return List.of();
        }
        List<Rule<Evaluation>> rules = new ArrayList<>();
        rules.add(new Rule<>(
                Roles.STREET_OFFICE,
                "purchaserCode = :scopeOrg",
                Map.of("scopeOrg", org),
                e -> org.equals(e.purchaserCode)));
        rules.add(new Rule<>(
                Roles.ASSESSOR,
                "(assessorCode = :scopeOrg and state <> :scopeDraft)",
                Map.of("scopeOrg", org, "scopeDraft", EvaluationState.DRAFT),
                e -> org.equals(e.assessorCode) && e.state != EvaluationState.DRAFT));
        rules.add(new Rule<>(
                Roles.PROVIDER,
                "(providerCode = :scopeOrg and state = :scopeFinalized)",
                Map.of("scopeOrg", org, "scopeFinalized", EvaluationState.FINALIZED),
                e -> org.equals(e.providerCode) && e.state == EvaluationState.FINALIZED));
        if (caller.has(Roles.BUREAU)) {
            organisations
                    .supervisedDistrict(caller)
                    .ifPresent(district -> rules.add(new Rule<>(
                            Roles.BUREAU,
                            "district = :scopeDistrict",
                            Map.of("scopeDistrict", district),
                            e -> district.equals(e.district))));
        }
        return rules;
    }

    public QueryScope scopeOf(Caller caller) {
        return Visibility.scope(caller, rules(caller));
    }

    boolean mayRead(Caller caller, Evaluation evaluation) {
        return Visibility.visible(caller, rules(caller), evaluation);
    }

    /** The parties the caller scores for in this evaluation (usually none or one). */
    public Set<Party> partiesOf(Caller caller, EvaluationRef evaluation) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (caller.has(Roles.BUREAU) && caller.actsFor(evaluation.bureauCode())) {
            parties.add(Party.BUREAU);
        }
        if (caller.has(Roles.STREET_OFFICE) && caller.actsFor(evaluation.purchaserCode())) {
            parties.add(Party.STREET_OFFICE);
        }
        if (caller.has(Roles.ASSESSOR) && caller.actsFor(evaluation.assessorCode())) {
            parties.add(Party.ASSESSOR);
        }
        return parties;
    }

    /** Independence: scores are the party's own until the evaluation is finalized. */
    public boolean maySeeScores(Caller caller, EvaluationRef evaluation, Party party) {
        return evaluation.state() == EvaluationState.FINALIZED
                || partiesOf(caller, evaluation).contains(party);
    }

    /** The bureau and auditors follow the process (e.g. the disagreement flag) before finalization. */
    public boolean overseesProcess(Caller caller, EvaluationRef evaluation) {
        return caller.has(Roles.AUDITOR) || partiesOf(caller, evaluation).contains(Party.BUREAU);
    }

    /** Scores of a party are written by that party's organisation alone. */
    public void requireParty(Caller caller, EvaluationRef evaluation, Party party) {
        if (!partiesOf(caller, evaluation).contains(party)) {
            throw new Forbidden(
                    "Only " + evaluation.organisationOf(party) + " scores the " + party + " part of this evaluation.");
        }
    }

    /** The lifecycle (open, finalize, reopen) is the supervising bureau's. */
    public void requireBureau(Caller caller, EvaluationRef evaluation) {
        if (!partiesOf(caller, evaluation).contains(Party.BUREAU)) {
            throw new Forbidden(
                    "Only the supervising bureau (" + evaluation.bureauCode() + ") manages this evaluation.");
        }
    }

    /** Whether the caller acts as the provider evaluated (whatever the evaluation's state). */
    public boolean isProvider(Caller caller, EvaluationRef evaluation) {
        return caller.has(Roles.PROVIDER) && caller.actsFor(evaluation.providerCode());
    }

    /** Sampling is the assigned assessor organisation's. */
    public void requireAssessor(Caller caller, EvaluationRef evaluation, String what) {
        if (!partiesOf(caller, evaluation).contains(Party.ASSESSOR)) {
            throw new Forbidden(
                    what + " is done by the assigned assessor organisation (" + evaluation.assessorCode() + ").");
        }
    }

    /** Findings are recorded by the assessor organisation or the bureau. */
    public void requireAssessorOrBureau(Caller caller, EvaluationRef evaluation, String what) {
        Set<Party> parties = partiesOf(caller, evaluation);
        if (!parties.contains(Party.ASSESSOR) && !parties.contains(Party.BUREAU)) {
            throw new Forbidden(what + " are recorded by the evaluation's assessor organisation or its bureau.");
        }
    }

    /** Work on an evaluation's content happens while it is OPEN. */
    public void requireOpen(EvaluationRef evaluation, String what) {
        if (!evaluation.isOpen()) {
            throw new InvalidState(
                    what + " while the evaluation is OPEN; it is " + evaluation.state() + ".",
                    evaluation.state().name());
        }
    }
}
