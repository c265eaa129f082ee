package io.hookline.delivery.boundary;

import io.hookline.delivery.control.DeliveryWorker;
import io.hookline.delivery.control.WorkQueues;
import io.hookline.platform.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Makes one attempt per message, within the concurrency limits of the delivery's endpoint and tenant (over a
 * limit it waits in line without holding a session, so slow receivers cannot hold every session). Not
 * transactional: the HTTP call must not hold a transaction, and a message lost mid-attempt is covered by the
 * delivery's lease, which the recovery timer honours.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Resources.DELIVERY_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "32")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryListener implements MessageListener {

    @Inject
    DeliveryWorker worker;

    @Override
    public void onMessage(Message message) {
        try {
            worker.attemptQueued(WorkQueues.read(message));
        } catch (JMSException unreadable) {
            throw new IllegalStateException("Unreadable delivery message", unreadable);
        }
    }
}
