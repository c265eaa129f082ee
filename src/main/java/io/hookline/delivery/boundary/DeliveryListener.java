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
 * Takes handed-over deliveries off the queue (several to a message) and passes each to the concurrency limits, which
 * start its attempt on an attempt thread or put it in line: a session is never held by a receiver, so no message
 * waits behind a slow one. Not transactional: a message whose attempt is lost (the process dies) is covered by the
 * delivery's lease, which the recovery timer honours.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Resources.DELIVERY_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryListener implements MessageListener {

    @Inject
    DeliveryWorker worker;

    @Override
    public void onMessage(Message message) {
        try {
            WorkQueues.read(message).forEach(worker::attemptQueued);
        } catch (JMSException unreadable) {
            throw new IllegalStateException("Unreadable delivery message", unreadable);
        }
    }
}
