package io.hookline.replay.control;

import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.EventCatalog;
import io.hookline.platform.Page;
import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import io.hookline.replay.entity.Replay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Replays of one tenant: checked filters, dry runs, and the state changes an admin or a take-over makes. */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class Replays {

    @PersistenceContext
    EntityManager em;

    @Inject
    Endpoints endpoints;

    @Inject
    ReplayMatches matches;

    @Inject
    EventCatalog catalog;

    @Inject
    ReplaySettings settings;

    /** The filter an admin asked for, checked; {@code until} defaults to (and is capped at) now. */
    public ReplayFilter filter(OffsetDateTime since, OffsetDateTime until, String status, List<String> eventTypes,
                               boolean includeMissed) {
        OffsetDateTime now = Time.now();
        OffsetDateTime end = until == null || until.isAfter(now) ? now : until;
        if (since != null && since.isAfter(end)) {
            throw ProblemException.badRequest("since: must not be after until (or now)");
        }
        List<String> types = eventTypes == null ? List.of() : eventTypes.stream().distinct().toList();
        for (String type : types) {
            if (type == null || !catalog.contains(type) || type.equals(EventCatalog.TEST_EVENT)) {
                throw ProblemException.badRequest("eventTypes: unknown event type '" + type + "'; see GET /api/v1/event-types.");
            }
        }
        return new ReplayFilter(since, end, status(status), types, includeMissed);
    }

    /** What a dry run answers: how many events the replay would send. */
    public long count(String tenantId, String endpointId, ReplayFilter filter) {
        return matches.count(endpoints.find(tenantId, endpointId), filter);
    }

    /** A new RUNNING replay; one at a time per endpoint, so the throttle holds for the endpoint. */
    public Replay create(String tenantId, String endpointId, ReplayFilter filter) {
        Endpoint endpoint = endpoints.find(tenantId, endpointId);
        long total = matches.count(endpoint, filter); // before the endpoint's lock, which deliveries' outcomes need too
        requireReplayable(endpoint);
        Replay replay = new Replay(tenantId, endpointId, filter.since(), filter.until(), filter.statusName(),
                filter.eventTypes(), filter.includeMissed(), total, Time.now(), settings.lease());
        em.persist(replay);
        return replay;
    }

    public Replay find(String tenantId, String replayId) {
        Replay replay = em.find(Replay.class, replayId);
        if (replay == null || !replay.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("Replay " + replayId);
        }
        return replay;
    }

    /** Newest first; {@code after} is the last id of the previous page (ids are time-ordered). */
    public Page<Replay> list(String tenantId, String after, int limit) {
        boolean firstPage = after == null || after.isBlank();
        TypedQuery<Replay> query = em.createQuery("select r from Replay r where r.tenantId = :tenant"
                        + (firstPage ? "" : " and r.id < :after") + " order by r.id desc", Replay.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(limit + 1);
        if (!firstPage) {
            query.setParameter("after", after);
        }
        return Page.of(query.getResultList(), limit, Replay::id);
    }

    public Replay stop(String tenantId, String replayId) {
        Replay replay = lock(tenantId, replayId);
        if (!replay.requestStop()) {
            throw ProblemException.conflict("Replay " + replayId + " is " + replay.status() + "; only a running replay can be stopped.");
        }
        return replay;
    }

    /** A stopped or failed replay, running again from its checkpoint. */
    public Replay restart(String tenantId, String replayId) {
        Replay replay = lock(tenantId, replayId);
        requireReplayable(endpoints.find(tenantId, replay.endpointId()));
        if (!replay.restart(Time.now(), settings.lease())) {
            throw ProblemException.conflict("Replay " + replayId + " is " + replay.status() + "; only a stopped or failed replay can be restarted.");
        }
        return replay;
    }

    /** Active replays whose execution stopped renewing its lease: it crashed, or its instance did. */
    public List<String> abandoned(OffsetDateTime now) {
        return em.createNamedQuery(Replay.ABANDONED, String.class)
                .setParameter("active", Replay.ACTIVE)
                .setParameter("now", now)
                .getResultList();
    }

    /** The replay, newly leased, if this caller took it over; of instances racing for it, one wins the row lock. */
    public Optional<Replay> takeOver(String replayId, OffsetDateTime now) {
        Replay replay = em.find(Replay.class, replayId, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(replay).filter(r -> r.takeOver(now, settings.lease()));
    }

    private Replay lock(String tenantId, String replayId) {
        find(tenantId, replayId);
        return em.find(Replay.class, replayId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The endpoint is locked, so two admins starting replays of it at once get one each in turn. */
    private void requireReplayable(Endpoint endpoint) {
        endpoints.lock(endpoint.id());
        if (!endpoint.isActive()) {
            throw ProblemException.conflict("Endpoint " + endpoint.id() + " is " + endpoint.status()
                    + "; enable it before replaying to it.");
        }
        long active = em.createNamedQuery(Replay.ACTIVE_OF_ENDPOINT, Long.class)
                .setParameter("endpoint", endpoint.id())
                .setParameter("active", Replay.ACTIVE)
                .getSingleResult();
        if (active > 0) {
            throw ProblemException.conflict("Endpoint " + endpoint.id() + " already has a replay running; stop it or wait for it.");
        }
    }

    private static DeliveryStatus status(String value) {
        String name = value == null || value.isBlank() ? DeliveryStatus.FAILED.name() : value.trim().toUpperCase(Locale.ROOT);
        if (name.equals(ReplayFilter.ALL)) {
            return null;
        }
        if (name.equals(DeliveryStatus.PENDING.name())) {
            throw ProblemException.badRequest("status: PENDING deliveries are still being delivered; replay FAILED, SUCCEEDED, NOT_SENT or ALL.");
        }
        try {
            return DeliveryStatus.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("status: must be one of ALL, " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
