/**
 * What drives the pipeline (startup, timer, JMS listener) and what shows it (REST and admin pages). Two EJB singletons
 * run it: {@link PipelineStartup} starts the batching and attempt threads (so that they carry a component context) and
 * {@link RecoveryTimer} sweeps every second. The message-driven {@link DeliveryListener} takes hand-overs off the JMS
 * queue, with no transaction, and gives them to {@code DeliveryWorker}. The rest is the read side and the admin's
 * actions: REST resources for deliveries, stats and "Send test", and the Faces beans of the delivery pages.
 */
package io.hookline.delivery.boundary;
