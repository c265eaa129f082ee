-- Deliveries made by "Send test": one attempt, no retries, and no effect on the endpoint's health.
alter table delivery add column test boolean default false not null;
