package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.Delivery;
import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Read side of deliveries for one tenant; another tenant's delivery is simply not found. */
@ApplicationScoped
public class Deliveries {

    @PersistenceContext
    EntityManager em;

    public Delivery find(String tenantId, String deliveryId) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        return delivery;
    }

    public List<Attempt> attempts(Delivery delivery) {
        return em.createNamedQuery(Attempt.OF_DELIVERY, Attempt.class)
                .setParameter("delivery", delivery.id())
                .getResultList();
    }

    /** Newest first. */
    public List<Delivery> ofEndpoint(String tenantId, String endpointId, int limit) {
        return em.createNamedQuery(Delivery.OF_ENDPOINT, Delivery.class)
                .setParameter("tenant", tenantId)
                .setParameter("endpoint", endpointId)
                .setMaxResults(limit)
                .getResultList();
    }
}
