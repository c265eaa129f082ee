package io.hookline.delivery.control;

import io.hookline.delivery.entity.Delivery;
import io.hookline.platform.JdbcBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes new deliveries, as made and moved to their first state by the entity, in one round trip (a JDBC batch) in
 * the caller's transaction. Every delivery starts here: a fan-out's, a resend's, a replay's and a test's. Persisting
 * them as entities instead cost the fan-out thread EclipseLink's registration and change tracking for rows that
 * nothing changes again before the commit. They are not managed afterwards: whoever changes one later reads it first.
 */
@ApplicationScoped
public class NewDeliveries {

    private static final String INSERT = JdbcBatch.insert("delivery", Delivery.COLUMNS);

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = JdbcBatch.connection(em).prepareStatement(INSERT)) {
            JdbcBatch.execute(insert, deliveries.stream().map(Delivery::columnValues).toList());
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot write " + deliveries.size() + " new deliveries, the first "
                    + deliveries.get(0).id(), failure);
        }
    }
}
