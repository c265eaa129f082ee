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
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The JMS fast path to the workers. A message carries up to {@value #PER_MESSAGE} {@link HandOver}s: ids and lease
 * tokens, no payload. Whoever receives one reads the truth from the database, so a lost or duplicated message costs
 * time, never correctness. That is why messages are sent after the leasing transaction committed, outside any
 * transaction (no two-phase commit between database and broker), and non-persistent (the broker need not sync each
 * one to its store): the recovery timer hands over again whatever a lost message or a broker restart leaves behind.
 * Several hand-overs to a message, because each message has a fixed cost in the broker, the adapter and the
 * listener's container (8% of Hookline's CPU at one message per delivery); few enough that a batch still spreads over
 * several listener sessions and instances. The adapter lacks JMS 2.0's simplified API, hence classic sessions.
 * <p>Used only by {@link PipelineBatches}' sending thread, which keeps one connection, session and producer open
 * from batch to batch: taking them from the adapter's pool for each batch cost that thread a few milliseconds on a
 * busy host, which every delivery at rest waited for. A failed send closes them; the next batch opens new ones.
 */
@ApplicationScoped
public class WorkQueues {

    private static final int PER_MESSAGE = 10;

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Resources.DELIVERY_QUEUE)
    Queue deliveryQueue;

    // confined to the sending thread
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    /** Sends the hand-overs on the sending thread; called outside any transaction (see {@link PipelineBatches}). */
    public void sendAll(List<HandOver> handOvers) {
        try {
            MessageProducer open = producer();
            for (int from = 0; from < handOvers.size(); from += PER_MESSAGE) {
                List<HandOver> some = handOvers.subList(from, Math.min(from + PER_MESSAGE, handOvers.size()));
                StreamMessage message = session.createStreamMessage();
                message.writeInt(some.size());
                for (HandOver handOver : some) {
                    message.writeString(handOver.deliveryId());
                    message.writeString(handOver.leaseToken());
                    message.writeString(handOver.tenantId());
                    message.writeString(handOver.endpointId());
                }
                open.send(message);
            }
        } catch (JMSException | RuntimeException failure) {
            close();
            throw new IllegalStateException("Cannot hand over " + handOvers.size() + " deliveries", failure);
        }
    }

    /** Closes the sending thread's connection, after a failure or once that thread has stopped. */
    public void close() {
        Connection closing = connection;
        connection = null;
        session = null;
        producer = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (JMSException ignored) {
                // it is broken or gone either way; the next batch opens a new one
            }
        }
    }

    private MessageProducer producer() throws JMSException {
        if (producer == null) {
            connection = connectionFactory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(deliveryQueue);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        }
        return producer;
    }

    /** The hand-overs a message sent by {@link #sendAll} carries. */
    public static List<HandOver> read(Message message) throws JMSException {
        StreamMessage stream = (StreamMessage) message;
        int count = stream.readInt();
        List<HandOver> handOvers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            handOvers.add(new HandOver(stream.readString(), stream.readString(), stream.readString(), stream.readString()));
        }
        return handOvers;
    }
}
