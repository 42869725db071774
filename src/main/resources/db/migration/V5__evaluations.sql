-- Evaluations (评估): one per project, fiscal year and phase; the result is frozen on finalization.
create table evaluation (
    id                      uuid primary key,
    seq                     bigint generated always as identity,
    project_id              uuid          not null references project (id),
    fiscal_year             integer       not null check (fiscal_year between 2000 and 2100),
    phase                   varchar(16)   not null check (phase in ('MID_TERM', 'FINAL')),
    framework_id            uuid          not null references framework (id),
    bureau_code             varchar(64)   not null references organisation (code),
    purchaser_code          varchar(64)   not null references organisation (code),
    assessor_code           varchar(64)   not null references organisation (code),
    district                varchar(64)   not null,
    state                   varchar(16)   not null check (state in ('DRAFT', 'OPEN', 'FINALIZED')),
    weight_bureau           numeric(5,2)  not null check (weight_bureau between 0 and 100),
    weight_street_office    numeric(5,2)  not null check (weight_street_office between 0 and 100),
    weight_assessor         numeric(5,2)  not null check (weight_assessor between 0 and 100),
    disagreement_threshold  numeric(5,2)  not null check (disagreement_threshold between 0 and 100),
    -- the frozen result (set on finalization, cleared on reopening)
    result_bureau           numeric(5,2),
    result_street_office    numeric(5,2),
    result_assessor         numeric(5,2),
    result_total_exact      numeric(12,6),
    result_total            numeric(5,2),
    result_grade            varchar(16) check (result_grade in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    result_spread           numeric(5,2),
    result_flagged          boolean,
    finalization_note       text,
    finalized_at            timestamptz,
    finalized_by            varchar(255),
    version                 bigint        not null default 0,
    created_at              timestamptz   not null,
    created_by              varchar(255)  not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(255)  not null,
    constraint evaluation_seq_unique unique (seq),
    constraint evaluation_once_per_phase unique (project_id, fiscal_year, phase),
    constraint evaluation_weights_sum_check
        check (weight_bureau + weight_street_office + weight_assessor = 100),
    constraint evaluation_frozen_check
        check ((state = 'FINALIZED') = (result_total is not null and result_grade is not null))
);
create index evaluation_purchaser_seq_idx on evaluation (purchaser_code, seq);
create index evaluation_district_seq_idx on evaluation (district, seq);
create index evaluation_assessor_seq_idx on evaluation (assessor_code, seq);
create index evaluation_state_seq_idx on evaluation (state, seq);
create index evaluation_grade_seq_idx on evaluation (result_grade, seq);
create index evaluation_year_phase_seq_idx on evaluation (fiscal_year, phase, seq);

-- Every state change, with who, when and why. Append-only.
create table evaluation_transition (
    id             uuid primary key,
    seq            bigint generated always as identity,
    evaluation_id  uuid         not null references evaluation (id),
    action         varchar(16)  not null check (action in ('OPEN', 'FINALIZE', 'REOPEN')),
    from_state     varchar(16)  not null,
    to_state       varchar(16)  not null,
    actor          varchar(255) not null,
    actor_org      varchar(64),
    reason         text,
    total          numeric(5,2),
    grade          varchar(16),
    at             timestamptz  not null
);
create index evaluation_transition_evaluation_idx on evaluation_transition (evaluation_id, seq);
