package io.hookline.endpoint.control;

import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.EventCatalog;
import io.hookline.platform.Page;
import io.hookline.platform.ProblemException;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Endpoint lifecycle for one tenant at a time: every lookup is scoped by tenant, so ids of others are not found. */
@ApplicationScoped
@Transactional
public class Endpoints {

    public static final String ALL_EVENTS = "*";
    private static final int MIN_SECRET_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    TargetPolicy targets;

    @Inject
    EventCatalog catalog;

    @Inject
    Event<EndpointEnabled> enabled;

    /** What an admin asks for; {@code events} of {@code ["*"]} subscribes to everything. */
    public record Draft(String name, String url, String description, List<String> events, String secret, Boolean enabled) {
    }

    /** A partial update: null leaves a field as it is. */
    public record Changes(String name, String url, String description, List<String> events) {
    }

    @Inject
    @ConfigProperty(name = "hookline.endpoint.secret-rotation-grace", defaultValue = "PT24H")
    Duration rotationGrace;

    public Endpoint create(String tenantId, Draft draft) {
        targets.requireSafe(draft.url());
        Set<String> types = subscribedTypes(draft.events());
        String secret = draft.secret() == null ? generateSecret() : requireStrong(draft.secret());
        Endpoint endpoint = new Endpoint(tenantId, draft.name().trim(), draft.url().trim(), draft.description(), types,
                secret, draft.enabled() == null || draft.enabled(), Time.now());
        em.persist(endpoint);
        return endpoint;
    }

    public Endpoint find(String tenantId, String endpointId) {
        Endpoint endpoint = em.find(Endpoint.class, endpointId);
        if (endpoint == null || !endpoint.tenantId().equals(tenantId) || endpoint.isDeleted()) {
            throw ProblemException.notFound("Endpoint " + endpointId);
        }
        return endpoint;
    }

    /** Newest first; {@code after} is the last id of the previous page (ids are time-ordered). */
    public Page<Endpoint> list(String tenantId, String after, int limit) {
        boolean firstPage = after == null || after.isBlank();
        TypedQuery<Endpoint> query = em.createQuery("select e from Endpoint e where e.tenantId = :tenant and e.deletedAt is null"
                        + (firstPage ? "" : " and e.id < :after") + " order by e.id desc", Endpoint.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(limit + 1);
        if (!firstPage) {
            query.setParameter("after", after);
        }
        return Page.of(query.getResultList(), limit, Endpoint::id);
    }

    public Endpoint update(String tenantId, String endpointId, Changes changes) {
        Endpoint endpoint = find(tenantId, endpointId);
        if (changes.url() != null) {
            targets.requireSafe(changes.url());
        }
        endpoint.update(trimmed(changes.name()), trimmed(changes.url()), changes.description(),
                changes.events() == null ? null : subscribedTypes(changes.events()));
        return endpoint;
    }

    public void delete(String tenantId, String endpointId) {
        find(tenantId, endpointId).delete(Time.now());
    }

    /** A new secret, returned once; the old one keeps signing alongside it for the grace period. */
    public Endpoint rotateSecret(String tenantId, String endpointId) {
        Endpoint endpoint = find(tenantId, endpointId);
        endpoint.rotateSecret(generateSecret(), Time.now(), rotationGrace);
        return endpoint;
    }

    public Endpoint enable(String tenantId, String endpointId) {
        Endpoint endpoint = find(tenantId, endpointId);
        endpoint.enable(Time.now());
        enabled.fire(new EndpointEnabled(endpoint.id()));
        return endpoint;
    }

    public Endpoint disable(String tenantId, String endpointId) {
        Endpoint endpoint = find(tenantId, endpointId);
        endpoint.disable(Time.now(), "Disabled by an admin");
        return endpoint;
    }

    /** Endpoints in trouble: auto-disabled, or with failed deliveries since their last success. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countFailing(String tenantId) {
        return em.createQuery("select count(e) from Endpoint e where e.tenantId = :tenant and e.deletedAt is null"
                        + " and (e.status = io.hookline.endpoint.entity.EndpointStatus.AUTO_DISABLED or e.consecutiveFailures > 0)",
                        Long.class)
                .setParameter("tenant", tenantId).getSingleResult();
    }

    /** The fan-out targets: endpoints of the tenant that take this event type and were active when it committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Endpoint> subscribedTo(String tenantId, String eventType, OffsetDateTime committedAt) {
        return em.createNamedQuery(Endpoint.SUBSCRIBED, Endpoint.class)
                .setParameter("tenant", tenantId)
                .setParameter("type", eventType)
                .setParameter("committedAt", committedAt)
                .getResultList();
    }

    /** Locks the endpoint for this transaction, so concurrent outcomes update its failure streak one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Endpoint lock(String endpointId) {
        return em.find(Endpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Set<String> subscribedTypes(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw ProblemException.badRequest("events: choose at least one event type, or [\"*\"] for all.");
        }
        if (events.contains(ALL_EVENTS)) {
            return Set.of();
        }
        Set<String> types = new TreeSet<>();
        for (String type : events) {
            if (!catalog.contains(type)) {
                throw ProblemException.badRequest("events: unknown event type '" + type + "'; see GET /api/v1/event-types.");
            }
            types.add(type);
        }
        return types;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String requireStrong(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH || secret.isBlank()) {
            throw ProblemException.badRequest("secret: use at least " + MIN_SECRET_LENGTH + " characters, or leave it out to have one generated.");
        }
        return secret;
    }

    private static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
