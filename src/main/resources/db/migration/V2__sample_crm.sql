-- The sample CRM module's records (io.hookline.crm); a real CRM brings its own tables.

create table crm_customer (
    id         varchar(36)              primary key,
    tenant_id  varchar(64)              not null,
    name       varchar(200)             not null,
    email      varchar(320),
    phone      varchar(50),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null
);
create index crm_customer_tenant_created on crm_customer (tenant_id, created_at);

create table crm_job (
    id                      varchar(36)              primary key,
    tenant_id               varchar(64)              not null,
    name                    varchar(200)             not null,
    status                  varchar(50)              not null,
    customer_name           varchar(200),
    customer_email          varchar(320),
    customer_phone          varchar(50),
    insurance_claim_number  varchar(100),
    insurance_company       varchar(200),
    insurance_loss_type     varchar(100),
    insurance_policy_number varchar(100),
    insurance_agent         varchar(200),
    insurance_phone         varchar(50),
    insurance_email         varchar(320),
    owner_user_id           varchar(64),
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint                   not null
);
create index crm_job_tenant_created on crm_job (tenant_id, created_at);

create table crm_deal (
    id         varchar(36)              primary key,
    tenant_id  varchar(64)              not null,
    name       varchar(200)             not null,
    amount     numeric(19, 2),
    stage      varchar(100),
    pipeline   varchar(100),
    status     varchar(8)               not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null
);
create index crm_deal_tenant_created on crm_deal (tenant_id, created_at);
