package io.jixiao.evaluation;

import io.jixiao.common.QueryScope;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.framework.Party;
import io.jixiao.organisation.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may see an evaluation, act on it and see which scores. Scope is like projects': the
 * purchasing street office, the bureau of the district, the assigned assessor organisation (once
 * the evaluation is opened) and auditors. A caller acts as a party only for its own organisation's
 * part; before finalization a party sees only its own scores (independence).
 */
@ApplicationScoped
public class EvaluationAccess {

    @Inject
    OrganisationRepository organisations;

    public QueryScope scopeOf(Caller caller) {
        if (caller.has(Roles.AUDITOR)) {
            return QueryScope.ALL;
        }
        if (caller.organisationCode() == null) {
            return QueryScope.NONE;
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caller.has(Roles.STREET_OFFICE)) {
            alternatives.add("purchaserCode = :scopeOrg");
            params.put("scopeOrg", caller.organisationCode());
        }
        if (caller.has(Roles.ASSESSOR)) {
            alternatives.add("(assessorCode = :scopeOrg and state <> :scopeDraft)");
            params.put("scopeOrg", caller.organisationCode());
            params.put("scopeDraft", EvaluationState.DRAFT);
        }
        if (caller.has(Roles.BUREAU)) {
            organisations.districtOfBureau(caller.organisationCode()).ifPresent(district -> {
                alternatives.add("district = :scopeDistrict");
                params.put("scopeDistrict", district);
            });
        }
        if (alternatives.isEmpty()) {
            return QueryScope.NONE;
        }
        return new QueryScope("(" + String.join(" or ", alternatives) + ")", params);
    }

    /** The parties the caller scores for in this evaluation (usually none or one). */
    public Set<Party> partiesOf(Caller caller, Evaluation evaluation) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (caller.has(Roles.BUREAU) && caller.actsFor(evaluation.bureauCode)) {
            parties.add(Party.BUREAU);
        }
        if (caller.has(Roles.STREET_OFFICE) && caller.actsFor(evaluation.purchaserCode)) {
            parties.add(Party.STREET_OFFICE);
        }
        if (caller.has(Roles.ASSESSOR) && caller.actsFor(evaluation.assessorCode)) {
            parties.add(Party.ASSESSOR);
        }
        return parties;
    }

    /** Independence: scores are the party's own until the evaluation is finalized. */
    public boolean maySeeScores(Caller caller, Evaluation evaluation, Party party) {
        return evaluation.state == EvaluationState.FINALIZED || partiesOf(caller, evaluation).contains(party);
    }

    /** The bureau and auditors follow the process (e.g. the disagreement flag) before finalization. */
    public boolean overseesProcess(Caller caller, Evaluation evaluation) {
        return caller.has(Roles.AUDITOR) || partiesOf(caller, evaluation).contains(Party.BUREAU);
    }

    public void requireParty(Caller caller, Evaluation evaluation, Party party) {
        if (!partiesOf(caller, evaluation).contains(party)) {
            throw new Forbidden("Only " + evaluation.organisationOf(party) + " scores the " + party
                    + " part of this evaluation.");
        }
    }

    public void requireBureau(Caller caller, Evaluation evaluation) {
        if (!partiesOf(caller, evaluation).contains(Party.BUREAU)) {
            throw new Forbidden("Only the supervising bureau (" + evaluation.bureauCode
                    + ") manages this evaluation.");
        }
    }
}
