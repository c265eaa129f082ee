package io.hookline.crm;

import io.hookline.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Storage of CRM records, always through a tenant: a record of another tenant is answered exactly like a missing
 * one, so ids never leak across accounts. Callers bring the transaction.
 */
@ApplicationScoped
public class TenantRecords {

    /** The most a list answers; the sample module has no paging. */
    public static final int LIST_LIMIT = 100;

    @PersistenceContext
    EntityManager em;

    public <T extends CrmRecord> T add(T record) {
        em.persist(record);
        return record;
    }

    public <T extends CrmRecord> T find(Class<T> type, String tenantId, String id) {
        T record = em.find(type, id);
        if (record == null || !record.tenantId().equals(tenantId)) {
            throw ProblemException.notFound(type.getSimpleName() + " " + id);
        }
        return record;
    }

    /** The tenant's records, newest first; ids are time-ordered, so they break ties in creation time. */
    public <T extends CrmRecord> List<T> newestFirst(Class<T> type, String tenantId) {
        String entity = em.getMetamodel().entity(type).getName();
        return em.createQuery("select r from " + entity + " r where r.tenantId = :tenant"
                        + " order by r.createdAt desc, r.id desc", type)
                .setParameter("tenant", tenantId)
                .setMaxResults(LIST_LIMIT)
                .getResultList();
    }

    public void remove(CrmRecord record) {
        em.remove(record);
    }
}
