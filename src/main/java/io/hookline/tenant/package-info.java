/**
 * Tenants (the seeds' account, company or organization) and the API keys that act for them. Every row that
 * belongs to a tenant carries its id; the request filter here decides which tenant a call speaks for, whether its
 * key may write (admin or viewer) and whether the tenant has the Developer Platform feature. The platform operator
 * opens tenants through its own key and API ({@code /api/v1/tenants}); tenants manage their features and keys
 * themselves ({@code /api/v1/tenant}, {@code /api/v1/api-keys}).
 */
package io.hookline.tenant;
