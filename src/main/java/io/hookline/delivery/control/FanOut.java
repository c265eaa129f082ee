package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.EventRef;
import io.hookline.platform.Time;
import io.hookline.platform.UnflushedCommit;
import io.hookline.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one committed event into one delivery per endpoint that is active and subscribed at this moment, and hands
 * each to a worker once the transaction has committed (see {@link CommitRelay}). The event row is first marked
 * dispatched by an update conditional on its still being pending, so however many instances or timers ask, it fans
 * out once.
 */
@ApplicationScoped
public class FanOut {

    static final String PREVIEW_ONLY = "Not sent: live webhook delivery is not enabled for this preview-only workspace.";

    @Inject
    Outbox outbox;

    @Inject
    NewDeliveries newDeliveries;

    @Inject
    Endpoints endpoints;

    @Inject
    DeliverySettings settings;

    @Inject
    Tenants tenants;

    @Inject
    ConcurrencyLimits limits;

    @Inject
    UnflushedCommit unflushedCommit;

    @Inject
    Event<HandOver> handOvers;

    /**
     * Fans out those of the events still pending, marking them dispatched, in one transaction (see
     * {@link PipelineBatches}). Events no endpoint subscribes to never come here: they are dispatched as they are
     * written (see {@link Outbox#record}).
     * <p>Unless {@code hookline.outbox.durable-fan-out}, the commit does not wait for the database's flush to disk,
     * which every event would otherwise wait for a second time, after its CRM's commit: on a busy disk a flush can
     * take a hundred milliseconds. Nothing can be lost by that. A crash of the database that undoes a fan-out undoes
     * the event's dispatch with it, and the recovery timer fans the event out again: what its lost deliveries had sent
     * goes again, under new delivery ids (the event's id stays), as at-least-once delivery allows.
     */
    @Transactional(rollbackOn = Exception.class)
    public void dispatchAll(List<String> eventIds) {
        if (!settings.durableFanOut()) {
            unflushedCommit.forThisTransaction();
        }
        OffsetDateTime now = Time.now();
        // looked up once per tenant and type in the batch, then matched to each event's commit time
        Map<TenantType, List<Endpoint>> subscribers = new HashMap<>();
        List<Delivery> made = new ArrayList<>();
        for (EventRef event : outbox.dispatch(eventIds, now)) {
            List<Endpoint> candidates = subscribers.computeIfAbsent(new TenantType(event.tenantId(), event.type()),
                    key -> endpoints.subscribedTo(key.tenantId(), key.type(), now));
            for (Endpoint endpoint : candidates) {
                if (endpoint.wasActiveAt(event.createdAt())) {
                    made.add(make(event, endpoint, now, now));
                }
            }
        }
        newDeliveries.write(made);
    }

    /**
     * A new delivery of the event to the endpoint, handed to a worker when the caller's transaction commits, unless
     * the endpoint is too slow for its line on this instance to take more: then it waits in the database for its turn
     * (see {@link ConcurrencyLimits#backlog}), sparing the broker and the outcomes a message that would be refused.
     * For a preview-only workspace it is recorded as not sent, so admins can see what would have gone out.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public Delivery deliver(EventRef event, Endpoint endpoint, OffsetDateTime now) {
        return deliver(List.of(new Due(event, now)), endpoint, now).get(0);
    }

    /**
     * As {@link #deliver(EventRef, Endpoint, OffsetDateTime)} for each event, written together, but not before its
     * time: a delivery due later is left to the recovery timer, which hands it over once due, on whichever instance
     * sweeps first (a replay spaces its deliveries so).
     *
     * @return the deliveries, in the order of {@code due}
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public List<Delivery> deliver(List<Due> due, Endpoint endpoint, OffsetDateTime now) {
        List<Delivery> made = due.stream().map(each -> make(each.event(), endpoint, now, each.at())).toList();
        newDeliveries.write(made);
        return made;
    }

    /** An event to deliver, and when. */
    public record Due(EventRef event, OffsetDateTime at) {
    }

    /** The delivery in its first state, its hand-over announced for after the commit; the caller writes it. */
    private Delivery make(EventRef event, Endpoint endpoint, OffsetDateTime now, OffsetDateTime dueAt) {
        Delivery delivery = Delivery.of(event, endpoint, now);
        if (!tenants.liveDelivery(event.tenantId())) {
            delivery.notSent(PREVIEW_ONLY, now);
        } else if (dueAt.isAfter(now)) {
            delivery.postpone(dueAt);
        } else {
            Optional<Duration> backlog = limits.backlog(delivery.tenantId(), delivery.endpointId());
            if (backlog.isPresent()) {
                delivery.deferUntil(now.plus(backlog.get()));
            } else {
                String token = delivery.handOver(now, settings.handOverLease());
                handOvers.fire(HandOver.of(delivery, token));
            }
        }
        return delivery;
    }

    /** Who an event is for: the subscribers of a fan-out are looked up by these two. */
    private record TenantType(String tenantId, String type) {
    }
}
