package io.hookline.replay.control;

import io.hookline.endpoint.entity.Endpoint;
import io.hookline.event.control.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a {@link ReplayFilter} selects for an endpoint, counted (a dry run) or read page by page in
 * (created_at, id) order. Both run the same condition, assembled from fixed fragments: a range scan of the tenant's
 * events in the window (outbox_event_tenant_created) with an index probe per event on delivery_event.
 */
@ApplicationScoped
public class ReplayMatches {

    private static final String LATEST_DELIVERY = "exists (select d.id from Delivery d where d.eventId = e.id"
            + " and d.endpointId = :endpoint and %s and not exists (select n.id from Delivery n"
            + " where n.eventId = e.id and n.endpointId = :endpoint and n.id > d.id))";
    private static final String MISSED = " or (e.createdAt >= :endpointCreated"
            + " and e.status = io.hookline.event.entity.OutboxStatus.DISPATCHED%s"
            + " and not exists (select m.id from Delivery m where m.eventId = e.id and m.endpointId = :endpoint))";

    @PersistenceContext
    EntityManager em;

    public long count(Endpoint endpoint, ReplayFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(endpoint, filter, parameters);
        TypedQuery<Long> query = em.createQuery("select count(e)" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Up to {@code limit} matches after {@code after} (from the start when null). */
    public List<ReplayCandidate> page(Endpoint endpoint, ReplayFilter filter, ReplayCandidate after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select e.id, e.createdAt").append(where(endpoint, filter, parameters));
        if (after != null) {
            jpql.append(" and (e.createdAt > :afterAt or (e.createdAt = :afterAt and e.id > :afterId))");
            parameters.put("afterAt", after.createdAt());
            parameters.put("afterId", after.eventId());
        }
        Query query = em.createQuery(jpql.append(" order by e.createdAt, e.id").toString()).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new ReplayCandidate((String) row[0], (OffsetDateTime) row[1])).toList();
    }

    private static String where(Endpoint endpoint, ReplayFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" from OutboxEvent e where e.tenantId = :tenant and e.type <> :test"
                + " and e.createdAt < :until");
        parameters.put("tenant", endpoint.tenantId());
        parameters.put("test", EventCatalog.TEST_EVENT);
        parameters.put("until", filter.until());
        parameters.put("endpoint", endpoint.id());
        if (filter.since() != null) {
            where.append(" and e.createdAt >= :since");
            parameters.put("since", filter.since());
        }
        if (!filter.eventTypes().isEmpty()) {
            where.append(" and e.type in :types");
            parameters.put("types", filter.eventTypes());
        }
        if (filter.status() == null) {
            where.append(" and (").append(LATEST_DELIVERY.formatted("d.status <> io.hookline.delivery.entity.DeliveryStatus.PENDING"));
        } else {
            where.append(" and (").append(LATEST_DELIVERY.formatted("d.status = :status"));
            parameters.put("status", filter.status());
        }
        if (filter.includeMissed()) {
            where.append(MISSED.formatted(endpoint.receivesAllEvents() ? "" : " and e.type in :subscribed"));
            parameters.put("endpointCreated", endpoint.createdAt());
            if (!endpoint.receivesAllEvents()) {
                parameters.put("subscribed", List.copyOf(endpoint.eventTypes()));
            }
        }
        return where.append(")").toString();
    }
}
