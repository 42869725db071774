-- Evidence per project and fiscal year: contract indicators (协议指标) and the year's other
-- evidence (resources linked, duty offsets, complaints, honours).
create table indicator_set (
    id                  uuid primary key,
    project_id          uuid         not null references project (id),
    fiscal_year         integer      not null check (fiscal_year between 2000 and 2100),
    confirmed_by        varchar(255),
    confirmed_org       varchar(64),
    confirmed_at        timestamptz,
    version             bigint       not null default 0,
    created_at          timestamptz  not null,
    created_by          varchar(255) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(255) not null,
    constraint indicator_set_project_year_unique unique (project_id, fiscal_year),
    constraint indicator_set_confirmation_check check ((confirmed_by is null) = (confirmed_at is null))
);

create table indicator (
    set_id     uuid          not null references indicator_set (id),
    position   integer       not null,
    key        varchar(64)   not null,
    name       varchar(200)  not null,
    name_en    varchar(200),
    unit       varchar(32)   not null,
    category   varchar(16)   not null check (category in ('OUTPUT', 'BENEFIT', 'SATISFACTION')),
    target     numeric(15,2) check (target >= 0),
    actual     numeric(15,2) not null check (actual >= 0),
    primary key (set_id, key)
);

create table year_evidence (
    id                   uuid primary key,
    project_id           uuid         not null references project (id),
    fiscal_year          integer      not null check (fiscal_year between 2000 and 2100),
    complaints_received  integer      not null check (complaints_received >= 0),
    complaints_note      text,
    version              bigint       not null default 0,
    created_at           timestamptz  not null,
    created_by           varchar(255) not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(255) not null,
    constraint year_evidence_project_year_unique unique (project_id, fiscal_year)
);

create table linked_resource (
    evidence_id  uuid          not null references year_evidence (id),
    position     integer       not null,
    type         varchar(16)   not null check (type in ('HUMAN', 'MATERIAL', 'FUNDS')),
    description  varchar(500),
    value        numeric(15,2) not null check (value >= 0),
    primary key (evidence_id, position)
);

create table duty_offset (
    evidence_id                 uuid          not null references year_evidence (id),
    position                    integer       not null,
    name                        varchar(200)  not null,
    social_worker_person_times  integer       not null check (social_worker_person_times >= 0),
    primary key (evidence_id, position)
);

-- The residents served by category, of every offset of the year, in order; offset_position
-- names the offset each row belongs to. (No foreign key to duty_offset: both are element
-- collections of one entity, rewritten together, in an order the ORM chooses.)
create table duty_offset_category (
    evidence_id      uuid          not null references year_evidence (id),
    position         integer       not null,
    offset_position  integer       not null,
    category         varchar(100)  not null,
    residents_served integer       not null check (residents_served >= 0),
    primary key (evidence_id, position)
);

create table honour (
    evidence_id  uuid          not null references year_evidence (id),
    position     integer       not null,
    title        varchar(300)  not null,
    awarded_by   varchar(200),
    awarded_on   date,
    primary key (evidence_id, position)
);
