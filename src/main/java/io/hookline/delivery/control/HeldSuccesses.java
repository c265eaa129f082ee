package io.hookline.delivery.control;

import io.hookline.delivery.entity.Attempt;
import io.hookline.delivery.entity.DeliveryStatus;
import io.hookline.platform.JdbcBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The commonest outcome, recorded without reading anything first: an attempt that succeeded, on a delivery still held
 * by the attempt's token. One conditional update per delivery, then one insert per attempt, each a JDBC batch in the
 * caller's transaction, deliveries in id order like every other lock taken on them. Loading and locking the entities
 * instead cost the outcomes thread a query, and EclipseLink's change tracking a flush, for every batch. What the update
 * does not find (the lease ran out and another worker holds the delivery, or it is a test) is left to the caller.
 */
@ApplicationScoped
public class HeldSuccesses {

    /** {@link io.hookline.delivery.entity.Delivery#succeeded} in SQL, for the holder of the lease only. */
    private static final String SUCCEED = "update delivery set status = ?, attempts = attempts + 1, completed_at = ?,"
            + " next_attempt_at = null, lease_token = null, lease_until = null"
            + " where id = ? and lease_token = ? and status = ? and test = false";
    private static final String INSERT_ATTEMPT = JdbcBatch.insert("delivery_attempt", Attempt.COLUMNS);

    @PersistenceContext
    EntityManager em;

    /** @return those of the outcomes recorded here, the deliveries succeeded and their attempts written */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome.Attempted> record(List<Outcome.Attempted> succeeded, OffsetDateTime now) {
        if (succeeded.isEmpty()) {
            return List.of();
        }
        List<Outcome.Attempted> ordered = succeeded.stream().sorted(Comparator.comparing(Outcome::deliveryId)).toList();
        Connection connection = JdbcBatch.connection(em);
        try {
            List<Outcome.Attempted> recorded = succeed(connection, ordered, now);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ATTEMPT)) {
                JdbcBatch.execute(insert, recorded.stream().map(outcome -> outcome.attempt().columnValues()).toList());
            }
            return recorded;
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot record " + succeeded.size() + " successful attempt(s), the first of"
                    + " delivery " + ordered.get(0).deliveryId(), failure);
        }
    }

    private static List<Outcome.Attempted> succeed(Connection connection, List<Outcome.Attempted> ordered,
                                                   OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SUCCEED)) {
            int[] counts = JdbcBatch.execute(update, ordered.stream().map(outcome -> List.of(
                    DeliveryStatus.SUCCEEDED.name(), now, outcome.deliveryId(), outcome.request().attemptToken(),
                    DeliveryStatus.PENDING.name())).toList());
            List<Outcome.Attempted> recorded = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    recorded.add(ordered.get(i));
                }
            }
            return recorded;
        }
    }
}
