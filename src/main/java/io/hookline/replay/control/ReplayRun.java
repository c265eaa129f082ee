package io.hookline.replay.control;

import io.hookline.delivery.control.FanOut;
import io.hookline.delivery.entity.Delivery;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.EventRef;
import io.hookline.platform.Time;
import io.hookline.replay.entity.Replay;
import io.hookline.replay.entity.ReplayItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work of a replay job execution, one transaction per call. Everything is checked against the
 * replay row and its owner token, so an execution that lost its lease (another instance took over) does nothing.
 * Throttling: each new delivery is due one interval after the previous one (FanOut leaves those due later to the
 * recovery timer), and the reader waits while the schedule runs more than {@link #AHEAD} ahead, so the rate holds
 * per endpoint whichever instances run the job and the timers.
 * <p>
 * The transactions are not the chunk's: the batch runtime writes its job repository
 * (another, non-XA, data source) in the chunk transaction, and one transaction cannot hold two non-XA resources. The
 * replay row is the checkpoint that counts, and it commits with the deliveries it accounts for.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class ReplayRun {

    static final Duration AHEAD = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    ReplayMatches matches;

    @Inject
    Endpoints endpoints;

    @Inject
    Outbox outbox;

    @Inject
    FanOut fanOut;

    @Inject
    ReplaySettings settings;

    /**
     * How long the reader should wait before reading more, so it does not run far ahead of the throttle; the lease
     * is extended by that wait, so a slow rate does not look like a dead execution.
     */
    public Duration aheadOfSchedule(String replayId, String owner) {
        Replay replay = em.find(Replay.class, replayId);
        if (replay == null || !replay.mayContinue(owner)) {
            return Duration.ZERO;
        }
        OffsetDateTime now = Time.now();
        Duration ahead = Duration.between(now, replay.nextSlot(now)).minus(AHEAD);
        Duration wait = ahead.isNegative() ? Duration.ZERO : ahead;
        replay.renew(now.plus(wait), settings.lease());
        return wait;
    }

    /** The next matches after {@code after} (the stored checkpoint when null); none once stopped or taken over. */
    public List<ReplayCandidate> nextPage(String replayId, String owner, ReplayCandidate after, int limit) {
        Replay replay = em.find(Replay.class, replayId);
        if (replay == null || !replay.mayContinue(owner)) {
            return List.of();
        }
        replay.renew(Time.now(), settings.lease());
        ReplayCandidate from = after != null || replay.lastEventId() == null ? after
                : new ReplayCandidate(replay.lastEventId(), replay.lastEventAt());
        return matches.page(endpoints.find(replay.tenantId(), replay.endpointId()), filter(replay), from, limit);
    }

    /**
     * One chunk: a new delivery per event not resent by this replay before (marked in replay_item in the same
     * transaction) and still there, then the counts (the others are skipped) and the checkpoint. A crash before
     * commit leaves neither deliveries nor marks.
     */
    public void write(String replayId, String owner, List<ReplayCandidate> items) {
        Replay replay = em.find(Replay.class, replayId, LockModeType.PESSIMISTIC_WRITE);
        if (replay == null || !replay.isOwnedBy(owner)) {
            throw new IllegalStateException("Replay " + replayId + " was taken over by another execution");
        }
        Endpoint endpoint = endpoints.find(replay.tenantId(), replay.endpointId());
        OffsetDateTime now = Time.now();
        OffsetDateTime slot = replay.nextSlot(now);
        List<String> eventIds = items.stream().map(ReplayCandidate::eventId).toList();
        Map<String, EventRef> stored = outbox.refs(eventIds); // retention may have removed some since
        Set<String> resentBefore = Set.copyOf(em.createNamedQuery(ReplayItem.RESENT, String.class)
                .setParameter("replay", replayId).setParameter("events", eventIds).getResultList());
        List<FanOut.Due> due = new ArrayList<>();
        for (String eventId : eventIds) {
            if (stored.containsKey(eventId) && !resentBefore.contains(eventId)) {
                due.add(new FanOut.Due(stored.get(eventId), slot));
                slot = slot.plus(settings.interval());
            }
        }
        List<Delivery> resent = fanOut.deliver(due, endpoint, now);
        resent.forEach(delivery -> em.persist(new ReplayItem(replayId, delivery.eventId(), delivery.id())));
        ReplayCandidate last = items.get(items.size() - 1);
        replay.chunkWritten(items.size(), resent.size(), last.createdAt(), last.eventId(), slot);
        replay.renew(now, settings.lease());
    }

    /** The execution ended, with {@code failure} or not; ignored unless it still owns the replay. */
    public void finish(String replayId, String owner, String failure) {
        Replay replay = em.find(Replay.class, replayId, LockModeType.PESSIMISTIC_WRITE);
        if (replay != null && replay.isOwnedBy(owner)) {
            replay.finish(failure, Time.now());
        }
    }

    static ReplayFilter filter(Replay replay) {
        DeliveryStatus status = replay.statusFilter().equals(ReplayFilter.ALL) ? null : DeliveryStatus.valueOf(replay.statusFilter());
        return new ReplayFilter(replay.since(), replay.until(), status, replay.eventTypes(), replay.includeMissed());
    }
}
