/**
 * Retention: a nightly Jakarta Batch job (started by a programmatic EJB calendar timer) that clears attempt
 * response bodies, then deletes finished deliveries with their attempts, outbox events nothing refers to any more,
 * and finished replays, all older than their configured age, in chunks with a commit each. A PENDING delivery, an
 * undispatched event and anything younger than the cut-off are never touched. Every run is recorded.
 */
package io.hookline.retention;
