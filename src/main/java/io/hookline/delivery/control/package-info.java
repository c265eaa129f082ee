/**
 * The pipeline's services, from a committed event to a recorded attempt. An event announced after commit reaches
 * {@link CommitRelay}, then {@link FanOut}, which writes one leased delivery per subscribed endpoint; once that
 * commits, its {@link HandOver} goes by JMS ({@link WorkQueues}) to a worker that reads or claims the delivery, signs
 * and POSTs it ({@link WebhookClient}, to addresses just checked) and queues the result for {@link DeliveryOutcomes}.
 * These stages are batched on threads of {@link PipelineBatches}; no transaction spans the HTTP call. {@link Recovery}
 * redoes what the fast path lost, and {@link ConcurrencyLimits} shares out the attempt threads.
 */
package io.hookline.delivery.control;
