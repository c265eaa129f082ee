package io.hookline.testing;

import io.hookline.delivery.control.Deliveries;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.api.CrmEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Base of tests that run inside the deployed server: a tenant of their own per test, an HTTPS receiver on loopback,
 * and the CRM's way of firing events (CDI, inside a JTA transaction).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InContainerTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    protected Event<CrmEvent> events;

    @Inject
    protected Transactions transaction;

    @Inject
    protected Endpoints endpoints;

    @Inject
    protected Deliveries deliveries;

    protected Receiver receiver;
    protected String tenant;

    @BeforeEach
    void startReceiver() {
        receiver = Receiver.start();
        tenant = "t-" + UUID.randomUUID();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    protected Endpoint subscribe(String path, String eventType) {
        return endpoints.create(tenant, new Endpoints.Draft("test " + path, receiver.url(path), null, List.of(eventType), null, true));
    }

    protected void commit(CrmEvent event) throws Exception {
        transaction.begin();
        events.fire(event);
        transaction.commit();
    }
}
