-- Bulk replay and retention (Jakarta Batch jobs). A replay records its filter, progress and checkpoint here, so a stopped
-- or crashed job resumes from this row rather than from the batch runtime's own (per-instance) job repository.

create table replay (
    id             varchar(36)              primary key,
    tenant_id      varchar(64)              not null,
    endpoint_id    varchar(36)              not null,
    status         varchar(16)              not null,
    since_at       timestamp with time zone,
    until_at       timestamp with time zone not null,
    status_filter  varchar(16)              not null,
    event_types    varchar(4000),
    include_missed boolean                  not null,
    total_count    bigint                   not null,
    read_count     bigint                   not null,
    resent_count   bigint                   not null,
    skipped_count  bigint                   not null,
    -- checkpoint: the last event handled, in the reader's (created_at, id) order
    last_event_at  timestamp with time zone,
    last_event_id  varchar(36),
    -- the throttle: when the next replayed delivery may go out
    next_slot_at   timestamp with time zone,
    -- the execution that works on it, and until when; an expired lease means that execution died
    owner_token    varchar(36),
    lease_until    timestamp with time zone,
    error          varchar(1000),
    created_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);
create index replay_tenant_id on replay (tenant_id, id);
create index replay_endpoint_status on replay (endpoint_id, status);
create index replay_status_lease on replay (status, lease_until);
create index replay_finished on replay (finished_at);

-- One row per event a replay has resent: written with the delivery, so no restart can send it twice.
create table replay_item (
    replay_id   varchar(36) not null,
    event_id    varchar(36) not null,
    delivery_id varchar(36) not null,
    primary key (replay_id, event_id)
);

-- One row per retention run; the slot is unique, so of several instances woken by the same schedule one runs it.
create table retention_run (
    id                     varchar(36)              primary key,
    slot                   varchar(64)              not null,
    status                 varchar(16)              not null,
    bodies_before          timestamp with time zone not null,
    delete_before          timestamp with time zone not null,
    attempt_bodies_cleared bigint                   not null,
    attempts_deleted       bigint                   not null,
    deliveries_deleted     bigint                   not null,
    events_deleted         bigint                   not null,
    replays_deleted        bigint                   not null,
    error                  varchar(1000),
    started_at             timestamp with time zone not null,
    finished_at            timestamp with time zone
);
create unique index retention_run_slot on retention_run (slot);

-- The replay reader walks a tenant's events by (created_at, id) inside the window; retention walks by age.
create index outbox_event_tenant_created on outbox_event (tenant_id, created_at, id);
create index delivery_created on delivery (created_at);
create index delivery_attempt_attempted on delivery_attempt (attempted_at);
