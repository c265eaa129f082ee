/**
 * What a CRM module needs to publish webhooks, and nothing more: build a {@link io.hookline.event.api.CrmEvent}
 * and fire it with CDI's {@code Event<CrmEvent>} inside the module's own JTA transaction. The event is stored if and
 * only if that transaction commits. A transaction that changes many records (an import) may fire their events as
 * one {@link io.hookline.event.api.CrmEventBatch}, which the outbox writes in one round trip.
 */
package io.hookline.event.api;
