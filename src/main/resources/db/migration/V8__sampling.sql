-- Awareness and satisfaction samples (抽查) of an evaluation: plan, roster, draw, responses.
create table sample (
    id                  uuid primary key,
    evaluation_id       uuid         not null references evaluation (id),
    kind                varchar(16)  not null check (kind in ('AWARENESS', 'SATISFACTION')),
    roster_digest       varchar(64),
    roster_size         integer,
    roster_uploaded_at  timestamptz,
    roster_uploaded_by  varchar(255),
    seed                varchar(128),
    drawn_at            timestamptz,
    drawn_by            varchar(255),
    version             bigint       not null default 0,
    created_at          timestamptz  not null,
    constraint sample_once_per_kind unique (evaluation_id, kind),
    constraint sample_drawn_check check ((seed is null) = (drawn_at is null)),
    constraint sample_draw_needs_roster check (seed is null or roster_digest is not null)
);

create table sample_stratum (
    sample_id  uuid         not null references sample (id),
    position   integer      not null,
    code       varchar(32)  not null,
    name       varchar(100) not null,
    quota      integer      not null check (quota >= 0),
    reserves   integer      not null check (reserves >= 0),
    primary key (sample_id, code)
);

create table sample_roster_entry (
    sample_id  uuid         not null references sample (id),
    code       varchar(32)  not null,
    stratum    varchar(32)  not null,
    primary key (sample_id, code)
);

-- The stored draw: who was selected or a reserve, in drawn order per stratum.
create table sample_draw_entry (
    sample_id  uuid         not null references sample (id),
    code       varchar(32)  not null,
    stratum    varchar(32)  not null,
    role       varchar(16)  not null check (role in ('SELECTED', 'RESERVE')),
    rank       integer      not null,
    primary key (sample_id, code)
);

create table sample_response (
    id              uuid primary key,
    seq             bigint generated always as identity,
    sample_id       uuid         not null references sample (id),
    code            varchar(32)  not null,
    stratum         varchar(32)  not null,
    role            varchar(16)  not null check (role in ('SELECTED', 'RESERVE')),
    refused         boolean      not null,
    aware           boolean,
    rating          smallint     check (rating between 1 and 5),
    no_answer       boolean      not null default false,
    interviewer     varchar(64)  not null,
    interviewed_on  date         not null,
    recorded_by     varchar(255) not null,
    recorded_at     timestamptz  not null,
    constraint sample_response_once_per_code unique (sample_id, code),
    foreign key (sample_id, code) references sample_draw_entry (sample_id, code)
);
create index sample_response_sample_idx on sample_response (sample_id, seq);
