package io.jixiao.project;

import io.jixiao.common.Created;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.organisation.Organisation;
import io.jixiao.organisation.OrganisationRepository;
import io.jixiao.organisation.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects: create, read in scope, replace with optimistic locking. */
@ApplicationScoped
public class ProjectService {

    static final String CREATE_OPERATION = "createProject";

    @Inject
    ProjectRepository projects;

    @Inject
    OrganisationRepository organisations;

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

    /** The project if the caller may see it; otherwise not found, whether or not it exists. */
    Project visible(Caller caller, UUID id) {
        if (!projects.inScope(access.scopeOf(caller), id)) {
            throw new NotFound("Project " + id + " was not found.");
        }
        return projects.findById(id);
    }

    @Transactional
    public Created<Project> create(Caller caller, ProjectDetails details, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim(caller.subject(), CREATE_OPERATION, idempotencyKey,
                    details.toString());
            if (earlier.isPresent()) {
                return new Created<>(projects.findById(earlier.get()), true);
            }
        }
        Organisation purchaser = access.purchaserOf(caller);
        validate(details, purchaser.district);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.purchaserCode = purchaser.code;
        project.district = purchaser.district;
        project.createdAt = now;
        project.createdBy = caller.username();
        apply(project, details, caller, now);
        project.status = ProjectStatus.ACTIVE;
        projects.persistAndFlush(project);
        if (idempotencyKey != null) {
            idempotency.complete(caller.subject(), CREATE_OPERATION, idempotencyKey, project.id);
        }
        return new Created<>(project, false);
    }

    @Transactional
    public Project replace(Caller caller, UUID id, ProjectDetails details, Long expectedVersion) {
        Project project = visible(caller, id);
        access.requirePurchaser(caller, project);
        Versions.requireCurrent(expectedVersion, project.version, "project");
        validate(details, project.district);
        apply(project, details, caller, Instant.now().truncatedTo(ChronoUnit.MICROS));
        projects.flush();
        return project;
    }

    private static void apply(Project project, ProjectDetails details, Caller caller, Instant now) {
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
        project.updatedAt = now;
        project.updatedBy = caller.username();
    }

    /** Rules across fields and against the register; every problem is reported at once. */
    private void validate(ProjectDetails details, String district) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.contractEnd().isBefore(details.contractStart())) {
            problems.add(new FieldProblem("contractEnd", "must not be before contractStart"));
        }
        Optional<Organisation> supervisor = organisations.findByCode(details.supervisor());
        if (supervisor.isEmpty() || supervisor.get().type != OrganisationType.BUREAU) {
            problems.add(new FieldProblem("supervisor", "must be the code of a registered bureau"));
        } else if (!supervisor.get().district.equals(district)) {
            problems.add(new FieldProblem("supervisor", "must be the bureau of the project's district (" + district
                    + ")"));
        }
        Optional<Organisation> provider = organisations.findByCode(details.provider());
        if (provider.isEmpty() || provider.get().type != OrganisationType.SERVICE_PROVIDER) {
            problems.add(new FieldProblem("provider", "must be the code of a registered service provider"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
