package io.hookline.delivery.control;

import io.hookline.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

/**
 * The JMS fast path. Messages carry only ids (and a lease token): whoever receives one reads the truth from the
 * database, so a lost or duplicated message costs time, never correctness. That is also why they are sent
 * non-persistent: the broker need not write (and sync) every message to its store, since the recovery timer finds
 * whatever a broker restart drops. The adapter lacks JMS 2.0's simplified API, hence classic sessions; under JTA
 * the session joins the caller's transaction.
 */
@ApplicationScoped
public class WorkQueues {

    public static final String LEASE_TOKEN = "leaseToken";

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Resources.OUTBOX_QUEUE)
    Queue outboxQueue;

    @Resource(lookup = Resources.DELIVERY_QUEUE)
    Queue deliveryQueue;

    /** Asks for an event's fan-out; its own transaction, as it runs after the CRM's has committed. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public void enqueueEvent(String eventId) {
        send(outboxQueue, eventId, null);
    }

    /** Hands a delivery to a worker; sent only if the caller's transaction (which set the lease) commits. */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public void enqueueDelivery(String deliveryId, String leaseToken) {
        send(deliveryQueue, deliveryId, leaseToken);
    }

    private void send(Queue queue, String id, String leaseToken) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            TextMessage message = session.createTextMessage(id);
            if (leaseToken != null) {
                message.setStringProperty(LEASE_TOKEN, leaseToken);
            }
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.send(message);
        } catch (JMSException failure) {
            throw new IllegalStateException("Cannot enqueue " + id + " on " + queue, failure);
        }
    }
}
