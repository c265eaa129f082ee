/**
 * The endpoint row ({@link Endpoint}) and its {@link EndpointStatus}; the entity carries its own health and secret
 * rules. A success resets the failure streak, and reaching the configured limit auto-disables it until an admin enables
 * it; the signing secrets are encrypted at rest, the previous one honoured for a grace period after a rotation; and
 * {@code activeSince} decides which committed events are for it at all. Deleting only marks it, so delivery history
 * keeps its endpoint.
 */
package io.hookline.endpoint.entity;
