/**
 * Two read-only REST resources: {@link EventTypeResource} lists the catalog at {@code /api/v1/event-types}, for
 * choosing what an endpoint subscribes to, and {@link EventResource} shows one committed event of the calling tenant
 * at {@code /api/v1/events/{id}}. {@link EventView}, the canonical form, is also what a delivery's detail embeds.
 * Nothing here writes: events come in only through {@link io.hookline.event.api}.
 */
package io.hookline.event.boundary;
