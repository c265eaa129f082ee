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

    /** {@code insert into <table> (<columns>) values (?, ...)}, one placeholder per column, counted rather than typed. */
    public static String insert(String table, String columns) {
        int count = columns.split(",").length;
        return "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(count - 1) + "?)";
    }

    /** The transaction's own connection: what is written through it commits or rolls back with the entities. */
    public static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    /**
     * Executes the statement once for each row of values (in the order of its parameters) in one round trip, and
     * returns each row's update count. A single row goes as a plain execution: the PostgreSQL driver sends a batch of
     * one as a one-shot statement, parsed and planned anew every time, never as the prepared statement it keeps for
     * the connection.
     */
    public static int[] execute(PreparedStatement statement, List<? extends List<?>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        if (rows.size() == 1) {
            bind(statement, rows.get(0));
            return new int[] {statement.executeUpdate()};
        }
        for (List<?> values : rows) {
            bind(statement, values);
            statement.addBatch();
        }
        return statement.executeBatch();
    }

    private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
