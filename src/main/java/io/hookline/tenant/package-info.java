/**
 * Tenants (the seeds' account, company or organization) and the API keys that act for them. Every row that
 * belongs to a tenant carries its id; the request filter here decides which tenant a call speaks for, whether its
 * key may write (admin or viewer) and whether the tenant has the Developer Platform feature. The platform operator
 * opens tenants through its own key and API ({@code /api/v1/tenants}); tenants manage their features and keys
 * themselves ({@code /api/v1/tenant}, {@code /api/v1/api-keys}). People sign in to the admin pages as users of one
 * tenant (form login with Jakarta Security, PBKDF2-hashed passwords, the roles of API keys); {@code /api/v1/users}
 * adds them. {@link io.hookline.tenant.boundary.SignedIn} and {@link io.hookline.tenant.boundary.AdminActions} give the
 * pages the signed-in user's tenant and check every change against its role.
 */
package io.hookline.tenant;
