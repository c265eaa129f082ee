-- Hookline's own tables. Portable between PostgreSQL and H2: every query the application runs has an index here.

create table tenant (
    id         varchar(64)              primary key,
    name       varchar(200)             not null,
    created_at timestamp with time zone not null
);

create table api_key (
    id         varchar(36)              primary key,
    tenant_id  varchar(64)              not null references tenant (id),
    key_hash   varchar(64)              not null,
    label      varchar(100)             not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);
create unique index api_key_hash on api_key (key_hash);

-- One row per committed CRM event; PENDING until fanned out.
create table outbox_event (
    id            varchar(36)              primary key,
    tenant_id     varchar(64)              not null,
    type          varchar(100)             not null,
    entity_type   varchar(100)             not null,
    entity_id     varchar(100)             not null,
    actor_id      varchar(100),
    occurred_at   timestamp with time zone not null,
    data          text                     not null,
    changes       text,
    status        varchar(16)              not null,
    created_at    timestamp with time zone not null,
    dispatched_at timestamp with time zone
);
create index outbox_event_status_created on outbox_event (status, created_at);

create table endpoint (
    id                   varchar(36)              primary key,
    tenant_id            varchar(64)              not null,
    name                 varchar(200)             not null,
    url                  varchar(2048)            not null,
    description          varchar(1000),
    all_events           boolean                  not null,
    secret               varchar(256)             not null,
    status               varchar(16)              not null,
    disabled_reason      varchar(500),
    disabled_at          timestamp with time zone,
    consecutive_failures integer                  not null,
    last_success_at      timestamp with time zone,
    last_failure_at      timestamp with time zone,
    created_at           timestamp with time zone not null
);
create index endpoint_tenant_status on endpoint (tenant_id, status);

create table endpoint_event_type (
    endpoint_id varchar(36)  not null references endpoint (id),
    event_type  varchar(100) not null,
    primary key (endpoint_id, event_type)
);
create index endpoint_event_type_type on endpoint_event_type (event_type, endpoint_id);

-- One row per event and endpoint. No foreign key to endpoint: history outlives the endpoints it went to.
create table delivery (
    id              varchar(36)              primary key,
    tenant_id       varchar(64)              not null,
    event_id        varchar(36)              not null references outbox_event (id),
    event_type      varchar(100)             not null,
    endpoint_id     varchar(36)              not null,
    url             varchar(2048)            not null,
    status          varchar(16)              not null,
    attempts        integer                  not null,
    next_attempt_at timestamp with time zone,
    lease_token     varchar(36),
    lease_until     timestamp with time zone,
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone
);
create index delivery_status_next_attempt on delivery (status, next_attempt_at);
create index delivery_endpoint_created on delivery (endpoint_id, created_at);
create index delivery_tenant_created on delivery (tenant_id, created_at);
create index delivery_event on delivery (event_id);

create table delivery_attempt (
    id               varchar(36)              primary key,
    delivery_id      varchar(36)              not null references delivery (id),
    number           integer                  not null,
    attempted_at     timestamp with time zone not null,
    duration_ms      bigint                   not null,
    status_code      integer,
    succeeded        boolean                  not null,
    error            varchar(1000),
    response_excerpt text,
    request_headers  text,
    next_attempt_at  timestamp with time zone
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, number);
