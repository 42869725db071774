-- Organisations: bureaus, street offices, assessor organisations, service providers, audit
-- offices. `code` is what tokens carry in the org_id claim; it never changes.
create table organisation (
    id          uuid primary key,
    code        varchar(64)  not null,
    type        varchar(32)  not null,
    name        varchar(200) not null,
    name_en     varchar(200),
    district    varchar(64)  not null,
    street      varchar(64),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    constraint organisation_code_unique unique (code),
    constraint organisation_type_check
        check (type in ('BUREAU', 'STREET_OFFICE', 'ASSESSOR', 'SERVICE_PROVIDER', 'AUDIT_OFFICE'))
);

-- List filters: by type and district, ordered by code (the unique index serves the order).
create index organisation_type_code_idx on organisation (type, code);
create index organisation_district_code_idx on organisation (district, code);
