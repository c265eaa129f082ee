-- Secret rotation with a grace period, exact enable times, soft deletion (history outlives endpoints), and the indexes behind
-- newest-first cursor paging: ids are time-ordered, so every listing walks (scope, id) backwards.

alter table endpoint add column previous_secret varchar(256);
alter table endpoint add column previous_secret_expires_at timestamp with time zone;
alter table endpoint add column deleted_at timestamp with time zone;
-- events committed before this moment do not fan out to the endpoint, however late their fan-out runs
alter table endpoint add column active_since timestamp with time zone;
update endpoint set active_since = created_at;
create index endpoint_tenant_id on endpoint (tenant_id, id);

drop index delivery_endpoint_created;
drop index delivery_tenant_created;
create index delivery_tenant_id on delivery (tenant_id, id);
create index delivery_endpoint_id on delivery (endpoint_id, id);
create index delivery_tenant_status_id on delivery (tenant_id, status, id);
create index delivery_tenant_type_id on delivery (tenant_id, event_type, id);
