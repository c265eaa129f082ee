package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.OutboxEvent;
import io.hookline.format.control.WireEvent;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Step one of an attempt: claim the delivery with the token its message carried, and gather what its request is
 * built from (the attempt's thread renders and signs it, see {@link UnsignedRequest}). A short transaction of its
 * own, so no database transaction stays open while the receiver takes its time; workers' claims are batched (see
 * {@link PipelineBatches}), many per transaction, and a worker that receives its hand-over in good time needs no
 * claim at all.
 */
@ApplicationScoped
public class DeliveryPreparation {

    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Endpoints endpoints;

    @Inject
    DeliverySettings settings;

    @Inject
    DeliveryLocks locks;

    /** @return the request to send, or empty when the token is stale or the endpoint is no longer active */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UnsignedRequest> prepare(String deliveryId, String leaseToken) {
        return prepare(em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE), leaseToken, Time.now());
    }

    /**
     * The requests for deliveries whose hand-over lease still covers a whole attempt, read without locks or writes:
     * until that lease runs out nobody may hand a delivery over again, so the hand-over token serves as the attempt's
     * token. One statement (each delivery with its event and endpoint) and no transaction, hence one round trip to
     * the database, which on a busy host is what a read costs most. One answer per hand-over, empty when anything
     * is off (a stale token, too little lease left, the endpoint no longer active): the caller then claims the
     * delivery the locked way, which sorts each case out.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<Optional<UnsignedRequest>> prepareLeased(List<HandOver> handOvers) {
        OffsetDateTime now = Time.now();
        OffsetDateTime attemptEnd = now.plus(settings.attemptLease());
        Map<String, Object[]> rows = em.createNamedQuery(Delivery.TO_SEND, Object[].class)
                .setParameter("ids", handOvers.stream().map(HandOver::deliveryId).distinct().toList())
                .setHint(READ_ONLY, "true").getResultStream()
                .collect(Collectors.toMap(row -> ((Delivery) row[0]).id(), Function.identity()));
        Map<String, WireEvent> wireEvents = new HashMap<>(); // ten endpoints of one event: one parse
        return handOvers.stream().map(handOver -> {
            Object[] row = rows.get(handOver.deliveryId());
            if (row == null) {
                return Optional.<UnsignedRequest>empty();
            }
            Delivery delivery = (Delivery) row[0];
            OutboxEvent event = (OutboxEvent) row[1];
            Endpoint endpoint = (Endpoint) row[2];
            if (!delivery.isLeasedTo(handOver.leaseToken(), attemptEnd)
                    || !endpoint.id().equals(handOver.endpointId()) || !endpoint.isActive()) {
                return Optional.<UnsignedRequest>empty();
            }
            WireEvent wire = wireEvents.computeIfAbsent(event.id(), id -> WireEvent.of(event));
            return Optional.of(request(delivery, endpoint, wire, handOver.leaseToken(), now));
        }).toList();
    }

    /** As {@link #prepare(String, String)} for many hand-overs in one transaction: one answer per hand-over. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Optional<UnsignedRequest>> prepareAll(List<HandOver> handOvers) {
        Map<String, Delivery> deliveries = locks.lock(handOvers.stream().map(HandOver::deliveryId).toList());
        OffsetDateTime now = Time.now();
        return handOvers.stream()
                .map(handOver -> prepare(deliveries.get(handOver.deliveryId()), handOver.leaseToken(), now))
                .toList();
    }

    private Optional<UnsignedRequest> prepare(Delivery delivery, String leaseToken, OffsetDateTime now) {
        if (delivery == null) {
            return Optional.empty();
        }
        Optional<String> attemptToken = delivery.claim(leaseToken, now, settings.attemptLease());
        if (attemptToken.isEmpty()) {
            return Optional.empty();
        }
        Endpoint endpoint = em.find(Endpoint.class, delivery.endpointId());
        if (endpoint == null || !(endpoint.isActive() || delivery.isTest())) {
            delivery.release(); // stays pending; enabling the endpoint lets the timer pick it up again
            return Optional.empty();
        }
        OutboxEvent event = outbox.find(delivery.eventId()).orElseThrow();
        return Optional.of(request(delivery, endpoint, WireEvent.of(event), attemptToken.get(), now));
    }

    /**
     * Every attempt goes where the endpoint points now, in its format, signed with its secrets: an admin who fixes a
     * failing endpoint's URL and reactivates it takes the deliveries waiting for a retry along.
     */
    private UnsignedRequest request(Delivery delivery, Endpoint endpoint, WireEvent event, String attemptToken,
                                    OffsetDateTime now) {
        return new UnsignedRequest(delivery.id(), endpoint.id(), attemptToken, delivery.nextAttemptNumber(),
                URI.create(endpoint.url()), endpoint.format(), event, endpoint.signingSecrets(now));
    }
}
