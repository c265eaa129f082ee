/**
 * The delivery pipeline: fan-out of committed events into one delivery per subscribed endpoint, a JMS listener that
 * passes each handed-over delivery to the attempt threads that sign and POST it, one recorded attempt per try,
 * retries with backoff, and the timer that recovers anything a lost message or a dead process left behind. The
 * database is the truth; JMS only carries "look at this row now". Fan-out, reads, claims and outcomes are done in
 * batches by one thread each per instance, so under load many deliveries share a statement and a commit;
 * concurrency limits keep one endpoint or tenant from taking every attempt thread.
 * Read side: delivery history, resend, "Send test" and the 24-hour figures, in the REST API and the admin pages.
 */
package io.hookline.delivery;
