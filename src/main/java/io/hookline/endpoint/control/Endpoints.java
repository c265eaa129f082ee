package io.hookline.endpoint.control;

import io.hookline.endpoint.entity.Endpoint;
import io.hookline.format.entity.WireFormat;
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

    /**
     * What an admin asks for; {@code events} of {@code ["*"]} subscribes to everything. {@code format} is a
     * {@link WireFormat} id (default toolbag); {@code signed} false (formats that allow it) sends no signatures.
     */
    public record Draft(String name, String url, String description, List<String> events, String secret, Boolean enabled,
                        String format, Boolean signed) {

        /** An endpoint in the default format, signed. */
        public Draft(String name, String url, String description, List<String> events, String secret, Boolean enabled) {
            this(name, url, description, events, secret, enabled, null, null);
        }
    }

    /** A partial update: null leaves a field as it is. */
    public record Changes(String name, String url, String description, List<String> events, String format, Boolean signed) {

        public Changes(String name, String url, String description, List<String> events) {
            this(name, url, description, events, null, null);
        }
    }

    /** An updated endpoint; {@code secretIssued} when signing was switched on, so its new secret is shown once. */
    public record Updated(Endpoint endpoint, boolean secretIssued) {
    }

    @Inject
    @ConfigProperty(name = "hookline.endpoint.secret-rotation-grace", defaultValue = "PT24H")
    Duration rotationGrace;

    public Endpoint create(String tenantId, Draft draft) {
        TargetUrl target = targets.requireSafe(draft.url());
        Set<String> types = subscribedTypes(draft.events());
        WireFormat format = draft.format() == null ? WireFormat.TOOLBAG : format(draft.format());
        boolean signed = draft.signed() == null || draft.signed();
        requireSigningAllowed(format, signed);
        if (!signed && draft.secret() != null) {
            throw ProblemException.badRequest("secret: leave it out when signed is false.");
        }
        String secret = draft.secret() == null ? generateSecret() : requireStrong(draft.secret());
        format.secretProblem(secret).ifPresent(problem -> {
            throw ProblemException.badRequest("secret: " + problem + ", or leave it out to have one generated.");
        });
        String name = draft.name() == null ? target.host() : draft.name().trim();
        Endpoint endpoint = new Endpoint(tenantId, name, draft.url().trim(), draft.description(), types, secret,
                draft.enabled() == null || draft.enabled(), Time.now());
        endpoint.useWire(format, signed);
        em.persist(endpoint);
        return endpoint;
    }

    public Endpoint find(String tenantId, String endpointId) {
        // null when a page is asked for without its id
        Endpoint endpoint = endpointId == null ? null : em.find(Endpoint.class, endpointId);
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

    public Updated update(String tenantId, String endpointId, Changes changes) {
        Endpoint endpoint = find(tenantId, endpointId);
        if (changes.url() != null) {
            targets.requireSafe(changes.url());
        }
        Set<String> types = changes.events() == null ? null : subscribedTypes(changes.events());
        WireFormat format = changes.format() == null ? endpoint.format() : format(changes.format());
        boolean signed = changes.signed() == null ? endpoint.isSigned() : changes.signed();
        requireSigningAllowed(format, signed);
        boolean startsSigning = signed && !endpoint.isSigned();
        if (signed && !startsSigning) {
            format.secretProblem(endpoint.secret()).ifPresent(problem -> {
                throw ProblemException.conflict("format: " + problem + "; rotate the secret first (generated secrets are whsec_).");
            });
        }
        endpoint.update(trimmed(changes.name()), trimmed(changes.url()), changes.description(), types);
        endpoint.useWire(format, signed);
        if (startsSigning) {
            endpoint.startSigning(generateSecret());
        }
        return new Updated(endpoint, startsSigning);
    }

    public void delete(String tenantId, String endpointId) {
        find(tenantId, endpointId).delete(Time.now());
    }

    /** A new secret, returned once; the old one keeps signing alongside it for the grace period. */
    public Endpoint rotateSecret(String tenantId, String endpointId) {
        Endpoint endpoint = find(tenantId, endpointId);
        if (!endpoint.isSigned()) {
            throw ProblemException.conflict("Endpoint " + endpointId + " does not sign its requests; PATCH {\"signed\": true} to start.");
        }
        endpoint.rotateSecret(generateSecret(), Time.now(), rotationGrace);
        return endpoint;
    }

    public Endpoint enable(String tenantId, String endpointId) {
        Endpoint endpoint = find(tenantId, endpointId);
        OffsetDateTime now = Time.now();
        endpoint.enable(now);
        enabled.fire(new EndpointEnabled(endpoint.id(), now));
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

    /** A successful delivery: the failure streak starts again (see {@link Endpoint#RECORD_SUCCESS}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSuccess(String endpointId, OffsetDateTime now) {
        em.createNamedQuery(Endpoint.RECORD_SUCCESS)
                .setParameter("id", endpointId)
                .setParameter("now", now)
                .setParameter("staleBefore", now.minusSeconds(1))
                .executeUpdate();
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

    private static WireFormat format(String id) {
        return WireFormat.byId(id).orElseThrow(() ->
                ProblemException.badRequest("format: '" + id + "' is not a wire format; use one of " + WireFormat.ids() + "."));
    }

    private static void requireSigningAllowed(WireFormat format, boolean signed) {
        if (!signed && !format.signingOptional()) {
            throw ProblemException.badRequest("signed: format " + format.id() + " always signs its requests.");
        }
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
