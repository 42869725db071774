package io.jixiao.project;

import io.jixiao.common.QueryScope;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.common.security.Visibility;
import io.jixiao.common.security.Visibility.Rule;
import io.jixiao.organisation.OrganisationDirectory;
import io.jixiao.organisation.OrganisationRef;
import io.jixiao.organisation.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may see and change which project. A caller sees the union of what its roles allow:
 * <ul>
 * <li>auditor: every project (and changes none);</li>
 * <li>street office: the projects its organisation purchases;</li>
 * <li>bureau: the projects of its organisation's district;</li>
 * <li>assessor: the projects of which its organisation has been assigned an evaluation that has been
 * opened; until then it sees no project;</li>
 * <li>provider: the projects its organisation runs (their evaluations only once finalized).</li>
 * </ul>
 * Only the purchasing street office changes a project. Objects out of scope are reported as not
 * found by the services, so their existence is not revealed.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AssessorAssignments assignments;

    /** The read rules, once: as query conditions for lists and as tests on one project. */
    List<Rule<Project>> rules(Caller caller) {
        String org = caller.organisationCode();
        List<Rule<Project>> rules = new ArrayList<>();
        rules.add(new Rule<>(
                Roles.STREET_OFFICE,
                "purchaserCode = :scopeOrg",
                Map.of("scopeOrg", org),
                p -> org.equals(p.purchaserCode)));
        rules.add(new Rule<>(
                Roles.PROVIDER, "providerCode = :scopeOrg", Map.of("scopeOrg", org), p -> org.equals(p.providerCode)));
        if (caller.has(Roles.BUREAU)) {
            organisations
                    .supervisedDistrict(caller)
                    .ifPresent(district -> rules.add(new Rule<>(
                            Roles.BUREAU,
                            "district = :scopeDistrict",
                            Map.of("scopeDistrict", district),
                            p -> district.equals(p.district))));
        }
        if (caller.has(Roles.ASSESSOR)) {
            QueryScope assessed = assignments.projectsAssessedBy(org);
            rules.add(new Rule<>(
                    Roles.ASSESSOR, assessed.clause(), assessed.parameters(), p -> assignments.assesses(org, p.id)));
        }
        return rules;
    }

    public QueryScope scopeOf(Caller caller) {
        return Visibility.scope(caller, caller.organisationCode() == null ? List.of() : rules(caller));
    }

    public boolean mayRead(Caller caller, Project project) {
        return Visibility.visible(caller, caller.organisationCode() == null ? List.of() : rules(caller), project);
    }

    /** The caller's organisation, which must be a registered street office, to create projects. */
    public OrganisationRef purchaserOf(Caller caller) {
        return organisations
                .find(caller.organisationCode())
                .filter(o -> o.is(OrganisationType.STREET_OFFICE) && caller.has(Roles.STREET_OFFICE))
                .orElseThrow(() -> new Forbidden("Only a registered street office creates projects; " + "organisation "
                        + caller.organisationCode() + " is not one."));
    }

    /** Changes to a project (and its budget lines, indicators) are its purchaser's alone. */
    public void requirePurchaser(Caller caller, ProjectRef project) {
        if (!isPurchaser(caller, project)) {
            throw new Forbidden(
                    "Only the purchasing street office (" + project.purchaserCode() + ") changes this project.");
        }
    }

    public boolean isPurchaser(Caller caller, ProjectRef project) {
        return caller.has(Roles.STREET_OFFICE) && caller.actsFor(project.purchaserCode());
    }
}
