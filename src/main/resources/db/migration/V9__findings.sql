-- Findings (问题) and recommendations (建议) of an evaluation, and the rectification (整改) of
-- mid-term findings recorded by the final evaluation of the same project and year.
create table finding (
    id              uuid primary key,
    seq             bigint generated always as identity,
    evaluation_id   uuid          not null references evaluation (id),
    kind            varchar(16)   not null check (kind in ('FINDING', 'RECOMMENDATION')),
    category        varchar(32)   not null
        check (category in ('POLICY', 'PROJECT_MANAGEMENT', 'PERFORMANCE_MANAGEMENT', 'OTHER')),
    title           varchar(300)  not null,
    text            text          not null,
    addresses       uuid          references finding (id),
    recorded_by     varchar(255)  not null,
    recorded_org    varchar(64),
    recorded_at     timestamptz   not null
);
create index finding_evaluation_idx on finding (evaluation_id, seq);

create table rectification (
    finding_id           uuid primary key references finding (id),
    final_evaluation_id  uuid          not null references evaluation (id),
    status               varchar(24)   not null check (status in ('RESOLVED', 'PARTIALLY_RESOLVED', 'UNRESOLVED')),
    evidence             text          not null,
    closed_by            varchar(255)  not null,
    closed_at            timestamptz   not null,
    version              bigint        not null default 0
);
create index rectification_final_idx on rectification (final_evaluation_id);
