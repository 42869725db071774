-- The audit trail: one event per write, appended in the write's own transaction, never changed.
--
-- Events form hash chains: each event carries the SHA-256 of its predecessor in its chain and its
-- own hash over its content (io.jixiao.audit.AuditHash says exactly which bytes). A chain is one
-- evaluation, one project, one organisation or one framework: writes on different evaluations
-- never wait for each other, and writes on one evaluation already take that evaluation's row lock.
-- audit_chain_head holds each chain's last sequence number and hash; appending updates that row,
-- which serialises the appends of one chain (and detects a truncated chain on verification).
create table audit_event (
    id              bigint generated always as identity primary key,
    event_id        uuid          not null,
    -- the writing transaction: the change feed reads only events of transactions that can no
    -- longer commit before them (see io.jixiao.audit.ChangeFeed), so a cursor never skips one
    xact_id         xid8          not null default pg_current_xact_id(),
    occurred_at     timestamptz   not null,
    chain_key       varchar(100)  not null,
    chain_seq       bigint        not null check (chain_seq >= 1),
    prev_hash       char(64)      not null,
    hash            char(64)      not null,
    operation       varchar(64)   not null,
    object_type     varchar(32)   not null,
    object_id       varchar(200)  not null,
    actor_subject   varchar(255)  not null,
    actor_username  varchar(255),
    actor_org       varchar(64),
    actor_roles     varchar(255)  not null,
    request_id      varchar(64),
    -- the scope the event belongs to, as of the write (what lists and the feed filter on)
    district        varchar(64),
    project_id      uuid,
    evaluation_id   uuid,
    purchaser_code  varchar(64),
    assessor_code   varchar(64),
    provider_code   varchar(64),
    bureau_code     varchar(64),
    evaluation_state varchar(16),
    -- the object's state before and after, and the difference (canonical JSON text, hashed as is)
    before_state    text,
    after_state     text,
    changes         text          not null,
    constraint audit_event_event_id_unique unique (event_id),
    constraint audit_event_chain_unique unique (chain_key, chain_seq)
);
create index audit_event_xact_idx on audit_event (xact_id, id);
create index audit_event_occurred_idx on audit_event (occurred_at, id);
create index audit_event_object_idx on audit_event (object_type, object_id, id);
create index audit_event_actor_idx on audit_event (actor_subject, id);
create index audit_event_org_idx on audit_event (actor_org, id);
create index audit_event_district_idx on audit_event (district, id);
create index audit_event_evaluation_idx on audit_event (evaluation_id, id);
create index audit_event_project_idx on audit_event (project_id, id);
create index audit_event_operation_idx on audit_event (operation, id);

create table audit_chain_head (
    chain_key   varchar(100) primary key,
    seq         bigint       not null,
    hash        char(64)     not null,
    updated_at  timestamptz  not null
);

-- Append-only for everyone, the table owner and superusers included: changing or removing an
-- event means disabling this trigger first, an act of its own that verification then exposes.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- The application's runtime role may read and append, nothing else. It is the placeholder
-- runtime_role (JIXIAO_DB_RUNTIME_ROLE, default same-as-migration) when the app connects with a role other than the one that
-- migrates, else the migrating role itself (which then loses UPDATE, DELETE and TRUNCATE on the
-- table it owns). Tables created by later migrations are granted to it by default.
do $$
declare
    runtime text := case when '${runtime_role}' = 'same-as-migration' then current_user else '${runtime_role}' end;
begin
    if not exists (select 1 from pg_roles where rolname = runtime) then
        raise exception 'runtime role % does not exist', runtime;
    end if;
    if runtime <> current_user then
        execute format('grant usage on schema public to %I', runtime);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
        execute format('grant usage, select on all sequences in schema public to %I', runtime);
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', runtime);
        execute format('alter default privileges in schema public grant usage, select on sequences to %I', runtime);
    end if;
    revoke update, delete, truncate on audit_event from public;
    execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', runtime);
    execute format('grant select, insert on audit_event to %I', runtime);
end;
$$;
