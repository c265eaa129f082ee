package io.hookline.platform;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes many rows with one statement in one round trip, on the connection of the caller's JTA transaction, for the
 * hot paths where JPA would read or build entities first. Values are bound by their Java type; null as SQL null.
 */
public final class JdbcBatch {

    private JdbcBatch() {
    }

    /** The transaction's own connection: what is written through it commits or rolls back with the entities. */
    public static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    /** Adds one row of values, in the order of the statement's parameters, to the statement's batch. */
    public static void add(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        statement.addBatch();
    }
}
