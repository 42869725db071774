package io.jixiao.project;

import io.jixiao.api.ProjectsApi;
import io.jixiao.api.model.BudgetLineInput;
import io.jixiao.api.model.ProjectCreate;
import io.jixiao.api.model.ProjectStatus;
import io.jixiao.api.model.ProjectUpdate;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.http.QueryValues;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class ProjectResource implements ProjectsApi {

    @Inject
    ProjectService projects;

    @Inject
    BudgetLineService budgetLines;

    @Inject
    CurrentCaller caller;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listProjects(
            String district,
            String street,
            String purchaser,
            String provider,
            ProjectStatus status,
            Integer limit,
            String cursor) {
        var filter = new ProjectRepository.Filter(
                QueryValues.text(district),
                QueryValues.text(street),
                QueryValues.text(purchaser),
                QueryValues.text(provider),
                ProjectMapper.toDomain(status));
        return Response.ok(ProjectMapper.toApi(projects.list(caller.get(), filter, QueryValues.text(cursor), limit)))
                .build();
    }

    @Override
    @RolesAllowed(Roles.STREET_OFFICE)
    public Response createProject(ProjectCreate projectCreate, String idempotencyKey) {
        Outcome<Project> created = projects.create(caller.get(), ProjectMapper.toDomain(projectCreate), idempotencyKey);
        Project project = created.value();
        return Response.created(URI.create("/v1/projects/" + project.id))
                .header("ETag", ETags.of(project.version))
                .entity(ProjectMapper.toApi(project))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getProject(UUID projectId) {
        Project project = projects.get(caller.get(), projectId);
        return Response.ok(ProjectMapper.toApi(project))
                .header("ETag", ETags.of(project.version))
                .build();
    }

    @Override
    @RolesAllowed(Roles.STREET_OFFICE)
    public Response replaceProject(UUID projectId, String ifMatch, ProjectUpdate projectUpdate) {
        Project project = projects.replace(
                caller.get(), projectId, ProjectMapper.toDomain(projectUpdate), ETags.expectedVersion(ifMatch));
        return Response.ok(ProjectMapper.toApi(project))
                .header("ETag", ETags.of(project.version))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listBudgetLines(UUID projectId) {
        return Response.ok(ProjectMapper.toApi(budgetLines.list(caller.get(), projectId)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getBudgetLine(UUID projectId, Integer fiscalYear) {
        BudgetLine line = budgetLines.get(caller.get(), projectId, fiscalYear);
        return Response.ok(ProjectMapper.toApi(line))
                .header("ETag", ETags.of(line.version))
                .build();
    }

    @Override
    @RolesAllowed(Roles.STREET_OFFICE)
    public Response replaceBudgetLine(
            UUID projectId, Integer fiscalYear, BudgetLineInput budgetLineInput, String ifMatch) {
        Outcome<BudgetLine> written = budgetLines.put(
                caller.get(),
                projectId,
                fiscalYear,
                budgetLineInput.getBudget(),
                budgetLineInput.getExecuted(),
                ETags.expectedVersion(ifMatch));
        BudgetLine line = written.value();
        Response.ResponseBuilder response = written.created()
                ? Response.created(URI.create("/v1/projects/" + projectId + "/budget-lines/" + fiscalYear))
                : Response.ok();
        return response.header("ETag", ETags.of(line.version))
                .entity(ProjectMapper.toApi(line))
                .build();
    }
}
