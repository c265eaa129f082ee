package io.hookline.delivery.control;

import io.hookline.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.util.List;

/**
 * The JMS fast path to the workers. A message is a {@link HandOver}: ids and a lease token, no payload. Whoever
 * receives one reads the truth from the database, so a lost or duplicated message costs time, never correctness.
 * That is why messages are sent after the leasing transaction committed, outside any transaction (no two-phase
 * commit between database and broker), many per session, and non-persistent (the broker need not sync each one to its store): the
 * recovery timer hands over again whatever a lost message or a broker restart leaves behind. The adapter lacks
 * JMS 2.0's simplified API, hence classic sessions. Used only by {@link PipelineBatches}' sending thread.
 */
@ApplicationScoped
public class WorkQueues {

    private static final String LEASE_TOKEN = "leaseToken";
    private static final String TENANT = "tenantId";
    private static final String ENDPOINT = "endpointId";

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Resources.DELIVERY_QUEUE)
    Queue deliveryQueue;

    /** Sends the hand-overs in one session; called outside any transaction (see {@link PipelineBatches}). */
    public void sendAll(List<HandOver> handOvers) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(deliveryQueue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (HandOver handOver : handOvers) {
                TextMessage message = session.createTextMessage(handOver.deliveryId());
                message.setStringProperty(LEASE_TOKEN, handOver.leaseToken());
                message.setStringProperty(TENANT, handOver.tenantId());
                message.setStringProperty(ENDPOINT, handOver.endpointId());
                producer.send(message);
            }
        } catch (JMSException failure) {
            throw new IllegalStateException("Cannot hand over " + handOvers.size() + " deliveries", failure);
        }
    }

    /** The hand-over a message sent by {@link #sendAll} carries. */
    public static HandOver read(Message message) throws JMSException {
        return new HandOver(((TextMessage) message).getText(), message.getStringProperty(LEASE_TOKEN),
                message.getStringProperty(TENANT), message.getStringProperty(ENDPOINT));
    }
}
