package io.hookline.delivery.boundary;

import io.hookline.delivery.control.FanOut;
import io.hookline.platform.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Fans out the event named by each message, in the message's transaction: a failure puts the message back. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Resources.OUTBOX_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")})
public class OutboxListener implements MessageListener {

    @Inject
    FanOut fanOut;

    @Override
    public void onMessage(Message message) {
        try {
            fanOut.dispatch(((TextMessage) message).getText());
        } catch (JMSException unreadable) {
            throw new IllegalStateException("Unreadable outbox message", unreadable);
        }
    }
}
