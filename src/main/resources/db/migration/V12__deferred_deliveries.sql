-- Deliveries waiting in the database because their endpoint had no room for them on an instance (not a retry's
-- backoff, nor a throttled replay): made due again early when the endpoint turns out faster than they were paced for.
alter table delivery add column deferred boolean default false not null;
