/**
 * Tenants (the seeds' account, company or organization) and the API keys that act for them. Every row that
 * belongs to a tenant carries its id; the request filter here decides which tenant a call speaks for.
 */
package io.hookline.tenant;
