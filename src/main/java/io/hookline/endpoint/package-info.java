/**
 * Webhook endpoints: a tenant's subscribed HTTPS URLs, their signing secrets, and their health (active, disabled by
 * an admin, or auto-disabled after too many failed deliveries). Also the rule for which URLs may be targets at all.
 * Managed through the REST API and through the admin pages (Faces beans in {@code boundary}), which call the same
 * control services.
 */
package io.hookline.endpoint;
