package io.jixiao.project;

import io.jixiao.common.QueryScope;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.organisation.Organisation;
import io.jixiao.organisation.OrganisationRepository;
import io.jixiao.organisation.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may see and change which project. A caller sees the union of what its roles allow:
 * <ul>
 * <li>auditor: every project (and changes none);</li>
 * <li>street office: the projects its organisation purchases;</li>
 * <li>bureau: the projects of its organisation's district;</li>
 * <li>assessor: the projects of which its organisation has been assigned an evaluation that has been
 * opened; until then it sees no project.</li>
 * </ul>
 * Only the purchasing street office changes a project. Objects out of scope are reported as not
 * found by the services, so their existence is not revealed.
 */
@ApplicationScoped
public class ProjectAccess {

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
        if (caller.has(Roles.BUREAU)) {
            organisations.districtOfBureau(caller.organisationCode()).ifPresent(district -> {
                alternatives.add("district = :scopeDistrict");
                params.put("scopeDistrict", district);
            });
        }
        if (caller.has(Roles.ASSESSOR)) {
            alternatives.add("id in (select e.projectId from Evaluation e where e.assessorCode = :scopeAssessor"
                    + " and e.state <> io.jixiao.evaluation.EvaluationState.DRAFT)");
            params.put("scopeAssessor", caller.organisationCode());
        }
        if (alternatives.isEmpty()) {
            return QueryScope.NONE;
        }
        return new QueryScope("(" + String.join(" or ", alternatives) + ")", params);
    }

    /** The caller's organisation, which must be a registered street office, to create projects. */
    public Organisation purchaserOf(Caller caller) {
        return organisations.findByCode(caller.organisationCode())
                .filter(o -> o.type == OrganisationType.STREET_OFFICE && caller.has(Roles.STREET_OFFICE))
                .orElseThrow(() -> new Forbidden("Only a registered street office creates projects; "
                        + "organisation " + caller.organisationCode() + " is not one."));
    }

    /** Changes to a project (and its budget lines) are its purchaser's alone. */
    public void requirePurchaser(Caller caller, Project project) {
        if (!caller.has(Roles.STREET_OFFICE) || !caller.actsFor(project.purchaserCode)) {
            throw new Forbidden("Only the purchasing street office (" + project.purchaserCode
                    + ") changes this project.");
        }
    }
}
