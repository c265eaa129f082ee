-- People who sign in to the admin pages (Settings → Developer Platform). A user belongs to one tenant and has the
-- roles of API keys; the password is kept only as a PBKDF2 hash. User names are unique across the platform, so the
-- sign-in form needs no tenant field.
create table app_user (
    id            varchar(36)              primary key,
    tenant_id     varchar(64)              not null references tenant (id),
    username      varchar(100)             not null,
    password_hash varchar(512)             not null,
    role          varchar(16)              not null,
    created_at    timestamp with time zone not null
);
create unique index app_user_username on app_user (username);
create index app_user_tenant_created on app_user (tenant_id, created_at);
