package io.hookline.retention.control;

import io.hookline.platform.Time;
import io.hookline.retention.entity.RetentionRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The record of retention runs: opened before the job starts, closed (and logged) when it ends. */
@ApplicationScoped
@Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class RetentionRuns {

    private static final Logger LOG = Logger.getLogger(RetentionRuns.class.getName());

    @PersistenceContext
    EntityManager em;

    /** A new run's id; empty when the slot is already taken (another instance runs it). */
    public Optional<String> open(String slot, OffsetDateTime bodiesBefore, OffsetDateTime deleteBefore) {
        if (slot != null && em.createNamedQuery(RetentionRun.OF_SLOT, Long.class).setParameter("slot", slot).getSingleResult() > 0) {
            return Optional.empty();
        }
        RetentionRun run = new RetentionRun(slot, bodiesBefore, deleteBefore, Time.now());
        em.persist(run);
        em.flush(); // a slot taken in the meantime fails here, before any job starts
        return Optional.of(run.id());
    }

    public void close(String runId, String failure) {
        RetentionRun run = em.find(RetentionRun.class, runId);
        run.finish(failure, Time.now());
        LOG.info(run::toString);
    }

    public List<RetentionRun> latest(int limit) {
        return em.createNamedQuery(RetentionRun.LATEST, RetentionRun.class).setMaxResults(limit).getResultList();
    }

    public Optional<RetentionRun> find(String runId) {
        return Optional.ofNullable(em.find(RetentionRun.class, runId));
    }
}
