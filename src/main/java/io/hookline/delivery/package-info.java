/**
 * The delivery pipeline: fan-out of committed events into one delivery per subscribed endpoint, the JMS workers
 * that sign and POST them, one recorded attempt per try, retries with backoff, and the timer that recovers anything
 * a lost message or a dead worker left behind. The database is the truth; JMS only carries "look at this row now".
 * Fan-out, claims and outcomes are written in batches by one thread each per instance, so under load many
 * deliveries share a commit; concurrency limits keep one endpoint or tenant from taking every worker.
 * Read side: delivery history, resend, "Send test" and the 24-hour figures, in the REST API and the admin pages.
 */
package io.hookline.delivery;
