package io.hookline.delivery.control;

import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.endpoint.control.Endpoints;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** The health of a tenant's webhooks at a glance: the dashboard strip of the admin page and GET /api/v1/stats. */
@ApplicationScoped
public class DeliveryStats {

    public static final Duration WINDOW = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    Endpoints endpoints;

    /**
     * Deliveries made since {@code since}, by status; {@code successRate} (0-100) is over the finished ones that
     * were sent (succeeded or failed), null while there are none; {@code failingEndpoints} are those whose last
     * delivery failed or that were auto-disabled. Also the body of GET /api/v1/stats, where a missing rate is null.
     */
    @JsonbNillable
    public record Summary(OffsetDateTime since, long deliveries, long succeeded, long failed, long pending,
                          Integer successRate, long failingEndpoints) {
    }

    public Summary lastDay(String tenantId) {
        OffsetDateTime since = Time.now().minus(WINDOW);
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        em.createQuery("select d.status, count(d) from Delivery d where d.tenantId = :tenant and d.createdAt >= :since"
                        + " group by d.status", Object[].class)
                .setParameter("tenant", tenantId).setParameter("since", since)
                .getResultList().forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        long succeeded = counts.getOrDefault(DeliveryStatus.SUCCEEDED, 0L);
        long failed = counts.getOrDefault(DeliveryStatus.FAILED, 0L);
        Integer rate = succeeded + failed == 0 ? null : (int) Math.floor(100.0 * succeeded / (succeeded + failed));
        return new Summary(since, counts.values().stream().mapToLong(Long::longValue).sum(), succeeded, failed,
                counts.getOrDefault(DeliveryStatus.PENDING, 0L), rate, endpoints.countFailing(tenantId));
    }
}
