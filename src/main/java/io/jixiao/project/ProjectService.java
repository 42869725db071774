package io.jixiao.project;

import io.jixiao.common.Outcome;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.organisation.OrganisationDirectory;
import io.jixiao.organisation.OrganisationRef;
import io.jixiao.organisation.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects: create, read in scope, replace with optimistic locking. */
@ApplicationScoped
public class ProjectService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String CREATE_OPERATION = "createProject";

    @Inject
    ProjectRepository projects;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    ProjectAccess access;

    @Inject
    IdempotencyService idempotency;

    @Transactional
    public Page<Project> list(Caller caller, ProjectRepository.Filter filter, String cursor, int limit) {
        Long after = cursor == null ? null : Cursors.decodeLong(cursor);
        List<Project> fetched = projects.list(access.scopeOf(caller), filter, after, limit + 1);
        return Page.of(fetched, limit, p -> String.valueOf(p.seq));
    }

    @Transactional
    public Project get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    /** The project as other domains work with it, if the caller may see it. */
    @Transactional
    public ProjectRef ref(Caller caller, UUID id) {
        return visible(caller, id).ref();
    }

    /**
     * The project if the caller may see it; otherwise not found, whether or not it exists. Loaded
     * by primary key, then the scope rules are applied to it.
     */
    Project visible(Caller caller, UUID id) {
        Project project = projects.findById(id);
        if (project == null || !access.mayRead(caller, project)) {
            throw new NotFound("Project " + id + " was not found.");
        }
        return project;
    }

    @Transactional
    public Outcome<Project> create(Caller caller, ProjectDetails details, String idempotencyKey) {
        return idempotency.once(
                caller,
                CREATE_OPERATION,
                idempotencyKey,
                details.toString(),
                projects::findById,
                () -> createNew(caller, details),
                p -> p.id);
    }

    private Project createNew(Caller caller, ProjectDetails details) {
        OrganisationRef purchaser = access.purchaserOf(caller);
        validate(details, purchaser.district());
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.purchaserCode = purchaser.code();
        project.district = purchaser.district();
        apply(project, details);
        project.status = ProjectStatus.ACTIVE;
        projects.persistAndFlush(project);
        trail.record("createProject", io.jixiao.audit.AuditSubject.project(project.id));
        return project;
    }

    @Transactional
    public Project replace(Caller caller, UUID id, ProjectDetails details, ExpectedVersion expectedVersion) {
        Project project = visible(caller, id);
        access.requirePurchaser(caller, project.ref());
        Versions.requireCurrent(expectedVersion, project.version, "project");
        validate(details, project.district);
        apply(project, details);
        project.markReplaced();
        projects.flush();
        trail.record("replaceProject", io.jixiao.audit.AuditSubject.project(project.id));
        return project;
    }

    private static void apply(Project project, ProjectDetails details) {
        project.name = details.name();
        project.station = details.station();
        project.street = details.street();
        project.supervisorCode = details.supervisor();
        project.providerCode = details.provider();
        project.contractStart = details.contractStart();
        project.contractEnd = details.contractEnd();
        project.communities = details.communities();
        project.staffCount = details.staffCount();
        project.status = details.status();
    }

    /** Rules across fields and against the register; every problem is reported at once. */
    private void validate(ProjectDetails details, String district) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.contractEnd().isBefore(details.contractStart())) {
            problems.add(new FieldProblem("contractEnd", "must not be before contractStart"));
        }
        Optional<OrganisationRef> supervisor = organisations.find(details.supervisor());
        if (supervisor.isEmpty() || !supervisor.get().is(OrganisationType.BUREAU)) {
            problems.add(new FieldProblem("supervisor", "must be the code of a registered bureau"));
        } else if (!supervisor.get().district().equals(district)) {
            problems.add(
                    new FieldProblem("supervisor", "must be the bureau of the project's district (" + district + ")"));
        }
        if (!organisations.isRegisteredAs(details.provider(), OrganisationType.SERVICE_PROVIDER)) {
            problems.add(new FieldProblem("provider", "must be the code of a registered service provider"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
