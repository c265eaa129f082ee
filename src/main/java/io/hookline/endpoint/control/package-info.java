/**
 * {@link Endpoints} is the tenant-scoped, transactional lifecycle service: create, partial update, soft delete, secret
 * rotation with a grace period, enabling (which fires {@link EndpointEnabled} so waiting deliveries resume), plus the
 * subscriber query and locks the delivery pipeline uses. The rest keeps tenants from aiming webhooks inside our
 * network: {@link TargetPolicy} accepts a strictly parsed HTTPS {@link TargetUrl} only if every address it resolves to
 * is public ({@code InternalAddresses}, except {@link Cidr} blocks opened by configuration), on save and again before
 * each connection, which goes to the {@link SafeTarget}'s addresses only.
 */
package io.hookline.endpoint.control;
