/**
 * What an account is made of in the database: the {@link Tenant} with its Developer Platform and live-delivery
 * switches, its {@link ApiKey}s and the {@link User}s who sign in to its pages, both of the latter with a {@link Role}.
 * Nothing secret is stored in clear: a key is kept as a PBKDF2 hash plus a short prefix that narrows the candidates,
 * a password as a PBKDF2 hash. A revoked key keeps its row and the time it first stopped working; user names are
 * unique across all tenants, which is why signing in asks for no tenant.
 */
package io.hookline.tenant.entity;
