package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.endpoint.entity.Endpoint;
import io.hookline.format.control.WireEvent;
import io.hookline.format.control.WireFormats;
import io.hookline.format.entity.WireFormat;
import io.hookline.platform.Page;
import io.hookline.platform.ProblemException;
import io.hookline.event.control.Outbox;
import io.hookline.event.entity.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Read side of deliveries for one tenant; another tenant's delivery is simply not found. */
@ApplicationScoped
public class Deliveries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    public Delivery find(String tenantId, String deliveryId) {
        // null when a page is asked for without its id
        Delivery delivery = deliveryId == null ? null : em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        return delivery;
    }

    /**
     * The body in the wire format of the delivery's latest attempt that recorded one, otherwise (not attempted yet, or
     * attempted before formats were recorded) in the endpoint's (a deleted endpoint's row stays, so it is found).
     */
    public SentRequest request(Delivery delivery, List<Attempt> attempts) {
        OutboxEvent event = outbox.find(delivery.eventId()).orElseThrow();
        WireFormat format = attempts.stream().map(Attempt::format).filter(Objects::nonNull)
                .reduce((earlier, later) -> later)
                .orElseGet(() -> em.find(Endpoint.class, delivery.endpointId()).format());
        return new SentRequest(event, WireFormats.body(format, WireEvent.of(event)));
    }

    public List<Attempt> attempts(Delivery delivery) {
        return em.createNamedQuery(Attempt.OF_DELIVERY, Attempt.class)
                .setParameter("delivery", delivery.id())
                .getResultList();
    }

    /**
     * Newest first, one page at a time. Ids are time-ordered, so the cursor is simply the last id seen and every filter
     * combination walks an index on (tenant or endpoint, id); the query is assembled from fixed fragments only.
     */
    public Page<Delivery> search(String tenantId, DeliveryQuery query) {
        StringBuilder jpql = new StringBuilder("select d from Delivery d where d.tenantId = :tenant");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", tenantId);
        condition(jpql, parameters, "d.endpointId = :endpoint", "endpoint", query.endpointId());
        condition(jpql, parameters, "d.eventType = :type", "type", query.eventType());
        condition(jpql, parameters, "d.status = :status", "status", query.status());
        condition(jpql, parameters, "d.createdAt >= :since", "since", query.since());
        condition(jpql, parameters, "d.createdAt < :until", "until", query.until());
        condition(jpql, parameters, "d.id < :after", "after", query.after());
        if (query.search() != null && !query.search().isBlank()) {
            jpql.append(" and (lower(d.url) like :term escape '\\' or lower(d.eventType) like :term escape '\\')");
            parameters.put("term", "%" + escapeLike(query.search().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        TypedQuery<Delivery> typed = em.createQuery(jpql.append(" order by d.id desc").toString(), Delivery.class)
                .setMaxResults(query.limit() + 1);
        parameters.forEach(typed::setParameter);
        return Page.of(typed.getResultList(), query.limit(), Delivery::id);
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String fragment, String name, Object value) {
        if (value != null && !"".equals(value)) {
            jpql.append(" and ").append(fragment);
            parameters.put(name, value);
        }
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
