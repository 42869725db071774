-- Idempotency keys of creates: which object the first request with a key created.
create table idempotency_record (
    subject          varchar(255) not null,
    operation        varchar(64)  not null,
    idempotency_key  varchar(64)  not null,
    request_hash     char(64)     not null,
    resource_id      uuid,
    created_at       timestamptz  not null,
    primary key (subject, operation, idempotency_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
