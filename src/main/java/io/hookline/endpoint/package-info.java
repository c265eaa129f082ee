/**
 * Webhook endpoints: a tenant's subscribed HTTPS URLs, their signing secrets, and their health (active, disabled by
 * an admin, or auto-disabled after too many failed deliveries). Also the rule for which URLs may be targets at all.
 */
package io.hookline.endpoint;
