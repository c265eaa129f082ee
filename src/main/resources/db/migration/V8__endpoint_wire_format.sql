-- Each endpoint chooses the wire format its receiver understands (body, headers, signature); existing endpoints
-- keep ToolbagCRM's. Formats whose seeds make the secret optional may also be sent unsigned.
alter table endpoint add column wire_format varchar(32) default 'TOOLBAG' not null;
alter table endpoint add column signed boolean default true not null;
