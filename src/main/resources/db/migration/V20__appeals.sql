-- The evaluated organisation's side: the provider (承接机构) of the project on each evaluation,
-- the appeal window, and appeals (申诉) with the bureau's ruling.

-- The provider evaluated, fixed at creation from the project (a later change of the project's
-- provider does not move past evaluations to the new one). Existing rows take their project's.
alter table evaluation add column provider_code varchar(64) references organisation (code);
update evaluation e set provider_code = p.provider_code from project p where p.id = e.project_id;
alter table evaluation alter column provider_code set not null;
create index evaluation_provider_seq_idx on evaluation (provider_code, seq);

-- Days after finalization within which the provider may appeal; null = the default (10).
alter table evaluation add column appeal_window_days integer
    check (appeal_window_days between 1 and 60);

-- A REOPEN on behalf of an upheld appeal cites it.
alter table evaluation_transition add column appeal_id uuid;

create table appeal (
    id                uuid primary key,
    seq               bigint generated always as identity,
    evaluation_id     uuid          not null references evaluation (id),
    provider_code     varchar(64)   not null references organisation (code),
    status            varchar(16)   not null check (status in ('OPEN', 'UPHELD', 'REJECTED')),
    summary           text          not null,
    -- the result appealed against, as it stood when the appeal was filed
    appealed_total    numeric(5,2)  not null,
    appealed_grade    varchar(16)   not null,
    deadline          timestamptz   not null,
    filed_by          varchar(255)  not null,
    filed_at          timestamptz   not null,
    rationale         text,
    ruled_by          varchar(255),
    ruled_org         varchar(64),
    ruled_at          timestamptz,
    version           bigint        not null default 0,
    created_at        timestamptz   not null,
    created_by        varchar(255)  not null,
    updated_at        timestamptz   not null,
    updated_by        varchar(255)  not null,
    constraint appeal_seq_unique unique (seq),
    constraint appeal_ruling_check
        check ((status = 'OPEN') = (ruled_at is null and rationale is null and ruled_by is null))
);
-- one open appeal per evaluation at a time
create unique index appeal_one_open_idx on appeal (evaluation_id) where status = 'OPEN';
create index appeal_evaluation_idx on appeal (evaluation_id, seq);

alter table evaluation_transition add constraint evaluation_transition_appeal_fk
    foreign key (appeal_id) references appeal (id);

-- What the appeal contests: an item of the framework, a party's whole score, or a finding.
create table appeal_ground (
    appeal_id   uuid          not null references appeal (id),
    position    integer       not null,
    target      varchar(16)   not null check (target in ('ITEM', 'PARTY', 'FINDING')),
    reference   varchar(64)   not null,
    statement   text          not null,
    primary key (appeal_id, position)
);

-- References to the evidence the provider relies on (document numbers, file names, links).
create table appeal_evidence (
    appeal_id   uuid          not null references appeal (id),
    position    integer       not null,
    reference   varchar(500)  not null,
    primary key (appeal_id, position)
);
