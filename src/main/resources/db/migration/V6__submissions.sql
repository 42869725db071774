-- Assessor submissions (评分): one per evaluation and party; every revision is kept, with its
-- item scores. The submission row points at the current revision.
create table submission (
    id                 uuid primary key,
    evaluation_id      uuid          not null references evaluation (id),
    party              varchar(16)   not null check (party in ('BUREAU', 'STREET_OFFICE', 'ASSESSOR')),
    organisation_code  varchar(64)   not null references organisation (code),
    revision           integer       not null check (revision >= 1),
    score              numeric(5,2)  not null check (score between 0 and 100),
    version            bigint        not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    constraint submission_once_per_party unique (evaluation_id, party)
);

create table submission_revision (
    id             uuid primary key,
    submission_id  uuid          not null references submission (id),
    revision       integer       not null check (revision >= 1),
    score          numeric(5,2)  not null check (score between 0 and 100),
    comment        text,
    reason         text,
    submitted_at   timestamptz   not null,
    submitted_by   varchar(255)  not null,
    constraint submission_revision_unique unique (submission_id, revision),
    constraint submission_revision_reason_check check (revision = 1 or reason is not null)
);

create table submission_item_score (
    revision_id  uuid          not null references submission_revision (id),
    position     integer       not null,
    item_code    varchar(32)   not null,
    score        numeric(5,2)  not null check (score >= 0),
    comment      text,
    primary key (revision_id, item_code)
);
