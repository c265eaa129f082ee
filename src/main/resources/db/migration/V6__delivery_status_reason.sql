-- Why a delivery ended without being sent (a preview-only workspace, for one).
alter table delivery add column status_reason varchar(500);
