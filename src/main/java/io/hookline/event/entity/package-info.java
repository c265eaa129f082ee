/**
 * {@link OutboxEvent} is a CRM event as committed, in the CRM's own transaction; its id is the one receivers
 * deduplicate on, the same through retries, resends and replays. Data and changes are kept as JSON text, and its
 * {@link OutboxStatus} only ever goes from PENDING to DISPATCHED. {@link EventRef} is the payload-free part that
 * fan-out, deliveries and replays pass around.
 */
package io.hookline.event.entity;
