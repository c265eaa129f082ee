-- PostgreSQL only: trigram indexes, so the delivery search (a substring of the URL or the event name) uses an index
-- instead of reading the tenant's whole history. pg_trgm is a trusted extension: the database owner may create it.

create extension if not exists pg_trgm;
create index delivery_url_trgm on delivery using gin (lower(url) gin_trgm_ops);
create index delivery_event_type_trgm on delivery using gin (lower(event_type) gin_trgm_ops);
