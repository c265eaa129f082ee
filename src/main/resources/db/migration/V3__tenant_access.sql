-- Tenancy and access: per-tenant features, key roles, and a non-secret key prefix to tell keys apart.
-- Existing tenants keep everything on; existing keys (the bootstrap key among them) stay admins.

alter table tenant add column developer_platform boolean not null default true;
alter table tenant add column live_delivery boolean not null default true;

alter table api_key add column role varchar(16) not null default 'ADMIN';
alter table api_key add column prefix varchar(16);
create index api_key_tenant_created on api_key (tenant_id, created_at);
