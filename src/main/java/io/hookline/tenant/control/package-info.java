/**
 * The account rules that the API filter, the operator and the admin pages all rely on. {@link Tenants} opens accounts
 * and flips their feature switches; {@link ApiKeys} issues, matches and revokes keys, refusing to revoke a tenant's
 * last active admin key; {@link Users} checks passwords so that an unknown name takes as long as a wrong password.
 * A presented key costs one PBKDF2 check per instance and is then remembered by {@link VerifiedKeys}, re-read after
 * half a minute, so a revocation on another instance takes up to that long. {@link Bootstrap} (a startup EJB, after
 * the schema migration) gives a fresh install its tenant, an admin key and an admin user.
 */
package io.hookline.tenant.control;
