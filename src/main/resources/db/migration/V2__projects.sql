-- Projects (项目): the purchased social-work services, and their budget lines per fiscal year.
create table project (
    id             uuid primary key,
    seq            bigint generated always as identity,
    name           varchar(200) not null,
    station        varchar(200) not null,
    district       varchar(64)  not null,
    street         varchar(64)  not null,
    purchaser_code varchar(64)  not null references organisation (code),
    supervisor_code varchar(64) not null references organisation (code),
    provider_code  varchar(64)  not null references organisation (code),
    contract_start date         not null,
    contract_end   date         not null,
    communities    integer      not null check (communities >= 0),
    staff_count    integer      not null check (staff_count >= 0),
    status         varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    version        bigint       not null default 0,
    created_at     timestamptz  not null,
    created_by     varchar(255) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(255) not null,
    constraint project_seq_unique unique (seq),
    constraint project_contract_period_check check (contract_end >= contract_start)
);

-- Every list filter is served by an index ending in seq (the keyset order).
create index project_purchaser_seq_idx on project (purchaser_code, seq);
create index project_district_seq_idx on project (district, seq);
create index project_street_seq_idx on project (street, seq);
create index project_provider_seq_idx on project (provider_code, seq);
create index project_status_seq_idx on project (status, seq);
create index project_supervisor_idx on project (supervisor_code);

create table budget_line (
    id           uuid primary key,
    project_id   uuid          not null references project (id),
    fiscal_year  integer       not null check (fiscal_year between 2000 and 2100),
    budget       numeric(15,2) not null check (budget >= 0),
    executed     numeric(15,2) not null check (executed >= 0),
    version      bigint        not null default 0,
    created_at   timestamptz   not null,
    created_by   varchar(255)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(255)  not null,
    constraint budget_line_project_year_unique unique (project_id, fiscal_year),
    constraint budget_line_within_budget_check check (executed <= budget)
);
