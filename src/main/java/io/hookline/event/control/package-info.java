/**
 * The transactional outbox: fired events recorded in the firing transaction, then handed to fan-out exactly once.
 * {@link OutboxRecorder} observes every {@code CrmEvent} or batch ({@code MANDATORY}: without a transaction the fire
 * fails), checks each type against the {@link EventCatalog} and has {@link Outbox} write the rows by JDBC. An event no
 * active endpoint subscribes to is stored as already dispatched; the others stay pending and raise
 * {@link EventRecorded}, which fan-out observes after commit and settles with {@link Outbox#dispatch}, a conditional
 * update, so no two instances fan out the same event.
 */
package io.hookline.event.control;
