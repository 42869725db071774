package io.jixiao.project;

import io.jixiao.api.model.BudgetLineList;
import io.jixiao.api.model.ProjectCreate;
import io.jixiao.api.model.ProjectPage;
import io.jixiao.api.model.ProjectUpdate;
import io.jixiao.common.money.Decimals;
import io.jixiao.common.paging.Page;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Between the contract's project models and the domain. */
final class ProjectMapper {

    private ProjectMapper() {}

    static io.jixiao.api.model.Project toApi(Project p) {
        return new io.jixiao.api.model.Project()
                .id(p.id)
                .name(p.name)
                .station(p.station)
                .district(p.district)
                .street(p.street)
                .purchaser(p.purchaserCode)
                .supervisor(p.supervisorCode)
                .provider(p.providerCode)
                .contractStart(p.contractStart)
                .contractEnd(p.contractEnd)
                .communities(p.communities)
                .staffCount(p.staffCount)
                .status(io.jixiao.api.model.ProjectStatus.fromValue(p.status.name()))
                .version(p.version)
                .createdAt(utc(p.createdAt))
                .updatedAt(utc(p.updatedAt));
    }

    static ProjectPage toApi(Page<Project> page) {
        return new ProjectPage()
                .items(page.items().stream().map(ProjectMapper::toApi).toList())
                .nextCursor(page.nextCursor());
    }

    static ProjectDetails toDomain(ProjectCreate in) {
        return new ProjectDetails(
                in.getName(),
                in.getStation(),
                in.getStreet(),
                in.getSupervisor(),
                in.getProvider(),
                in.getContractStart(),
                in.getContractEnd(),
                in.getCommunities(),
                in.getStaffCount(),
                ProjectStatus.ACTIVE);
    }

    static ProjectDetails toDomain(ProjectUpdate in) {
        return new ProjectDetails(
                in.getName(),
                in.getStation(),
                in.getStreet(),
                in.getSupervisor(),
                in.getProvider(),
                in.getContractStart(),
                in.getContractEnd(),
                in.getCommunities(),
                in.getStaffCount(),
                ProjectStatus.valueOf(in.getStatus().name()));
    }

    static ProjectStatus toDomain(io.jixiao.api.model.ProjectStatus status) {
        return status == null ? null : ProjectStatus.valueOf(status.name());
    }

    static io.jixiao.api.model.BudgetLine toApi(BudgetLine line) {
        return new io.jixiao.api.model.BudgetLine()
                .fiscalYear(line.fiscalYear)
                .budget(Decimals.format(line.budget))
                .executed(Decimals.format(line.executed))
                .executionRate(Decimals.format(line.executionRate()))
                .currency(io.jixiao.api.model.Currency.CNY)
                .version(line.version)
                .updatedAt(utc(line.updatedAt));
    }

    static BudgetLineList toApi(List<BudgetLine> lines) {
        return new BudgetLineList()
                .items(lines.stream().map(ProjectMapper::toApi).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
