package io.hookline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads Hookline's own tables, the source of truth for "committed" and "2xx recorded". */
final class Store implements AutoCloseable {

    private final Connection db;

    Store(String url, String user, String password) throws SQLException {
        db = DriverManager.getConnection(url, user, password);
    }

    /** Deliveries of the tenant to URLs containing {@code urlPart} whose 2xx was recorded in [from, to). */
    long succeededBetween(String tenant, String urlPart, Instant from, Instant to) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from delivery where tenant_id = ?"
                + " and status = 'SUCCEEDED' and completed_at >= ? and completed_at < ? and strpos(url, ?) > 0")) {
            query.setString(1, tenant);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            query.setString(4, urlPart);
            return single(query);
        }
    }

    /**
     * What became of the tenant's deliveries that have not succeeded: by status and attempts made, with when the
     * earliest and the latest are due again (seconds from now), then the failed attempts' commonest errors.
     */
    List<String> unfinished(String tenant) throws SQLException {
        List<String> lines = rows("select status, attempts, count(*),"
                + " extract(epoch from min(next_attempt_at) - now()), extract(epoch from max(next_attempt_at) - now())"
                + " from delivery where tenant_id = ? and status <> 'SUCCEEDED' group by status, attempts order by 1, 2",
                tenant, row -> String.format("%s after %d attempt(s): %d, due again in %.0f to %.0f s", row.getString(1),
                        row.getInt(2), row.getLong(3), row.getDouble(4), row.getDouble(5)));
        lines.addAll(rows("select coalesce(a.error, 'HTTP ' || a.status_code), count(*)"
                + " from delivery_attempt a join delivery d on d.id = a.delivery_id where d.tenant_id = ?"
                + " and not a.succeeded group by 1 order by 2 desc limit 5",
                tenant, row -> String.format("failed attempts: %d: %s", row.getLong(2), row.getString(1))));
        return lines;
    }

    /** One value per row of a query that takes one string parameter. */
    private <T> List<T> rows(String sql, String parameter, Row<T> value) throws SQLException {
        List<T> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(value.of(rows));
                }
            }
        }
        return values;
    }

    private interface Row<T> {
        T of(ResultSet row) throws SQLException;
    }

    /** The server processes of the database's sessions other than this one: a server's share of PostgreSQL. */
    List<Long> backends(String database) throws SQLException {
        return rows("select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()", database,
                row -> row.getLong(1));
    }

    /** The cluster's WAL and checkpoint counters so far. */
    Wal wal() {
        try {
            return Wal.read(db);
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot read the WAL statistics", failure);
        }
    }

    /** Pending deliveries handed to a worker (JMS message or attempt in progress) that have not come back yet. */
    long handedOver() throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from delivery where status = 'PENDING' and lease_token is not null")) {
            return single(query);
        }
    }

    long countByStatus(String tenant, String status) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from delivery where tenant_id = ? and status = ?")) {
            query.setString(1, tenant);
            query.setString(2, status);
            return single(query);
        }
    }

    /**
     * The times (µs since the epoch) of a delivery's stages: its event's commit, its own creation by the fan-out, and
     * the start of its first attempt (0 when none was made); and the CRM record its event is about. The outbox row's
     * {@code created_at} is taken inside the CRM transaction, just before its commit, so latencies measured from it
     * are a little pessimistic, and more so when the commit itself waits.
     */
    record Stages(String entityId, long committed, long fannedOut, long attempted) {

        long toFanOut() {
            return fannedOut - committed;
        }

        long toAttempt() {
            return attempted - fannedOut;
        }
    }

    /** Delivery id to its stages, for events recorded in [from, to). */
    Map<String, Stages> stages(String tenant, Instant from, Instant to) throws SQLException {
        Map<String, Stages> stages = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select d.id, e.entity_id, e.created_at, d.created_at,"
                + " (select min(a.attempted_at) from delivery_attempt a where a.delivery_id = d.id)"
                + " from delivery d join outbox_event e on e.id = d.event_id"
                + " where e.tenant_id = ? and e.created_at >= ? and e.created_at < ?")) {
            query.setString(1, tenant);
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stages.put(rows.getString(1), new Stages(rows.getString(2), micros(rows.getTimestamp(3)),
                            micros(rows.getTimestamp(4)), micros(rows.getTimestamp(5))));
                }
            }
        }
        return stages;
    }

    private static long micros(Timestamp time) {
        return time == null ? 0 : Receiver.micros(time.toInstant());
    }

    /**
     * The state an outage leaves behind: {@code count} committed, fanned-out events of the tenant, each with one
     * delivery to the (disabled) endpoint still pending, its next attempt an hour away. The event body is copied from
     * a real event of {@code sampleTenant}. Enabling the endpoint through the API then makes them all due at once.
     */
    void insertBacklog(String sampleTenant, String tenant, String endpointId, String url, int count) throws SQLException {
        String type;
        String entityType;
        String data;
        String changes;
        try (PreparedStatement sample = db.prepareStatement(
                "select type, entity_type, data, changes from outbox_event where tenant_id = ? limit 1")) {
            sample.setString(1, sampleTenant);
            try (ResultSet row = sample.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event of tenant " + sampleTenant + " to copy");
                }
                type = row.getString(1);
                entityType = row.getString(2);
                data = row.getString(3);
                changes = row.getString(4);
            }
        }
        Timestamp committed = Timestamp.from(Instant.now().minusSeconds(60));
        Timestamp retryAt = Timestamp.from(Instant.now().plusSeconds(3600));
        db.setAutoCommit(false);
        try (PreparedStatement event = db.prepareStatement("insert into outbox_event (id, tenant_id, type, entity_type,"
                + " entity_id, actor_id, occurred_at, data, changes, status, created_at, dispatched_at)"
                + " values (?,?,?,?,?,null,?,?,?,'DISPATCHED',?,?)");
             PreparedStatement delivery = db.prepareStatement("insert into delivery (id, tenant_id, event_id, event_type,"
                     + " endpoint_id, url, status, attempts, next_attempt_at, created_at, test)"
                     + " values (?,?,?,?,?,?,'PENDING',0,?,?,false)")) {
            for (int i = 0; i < count; i++) {
                String eventId = UUID.randomUUID().toString();
                event.setString(1, eventId);
                event.setString(2, tenant);
                event.setString(3, type);
                event.setString(4, entityType);
                event.setString(5, UUID.randomUUID().toString());
                event.setTimestamp(6, committed);
                event.setString(7, data);
                event.setString(8, changes);
                event.setTimestamp(9, committed);
                event.setTimestamp(10, committed);
                event.addBatch();
                delivery.setString(1, UUID.randomUUID().toString());
                delivery.setString(2, tenant);
                delivery.setString(3, eventId);
                delivery.setString(4, type);
                delivery.setString(5, endpointId);
                delivery.setString(6, url);
                delivery.setTimestamp(7, retryAt);
                delivery.setTimestamp(8, committed);
                delivery.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    event.executeBatch();
                    delivery.executeBatch();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        try (PreparedStatement analyze = db.prepareStatement("analyze delivery")) {
            analyze.execute();
        }
    }

    /**
     * What Hookline's database sessions are doing right now, one line per active session: the wait (or "CPU") and
     * the statement's start. Sampled during the profiled scenario to show where transactions wait.
     */
    List<String> activeSessions() throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select coalesce(wait_event_type || ':' || wait_event, 'CPU'),"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity"
                + " where datname = current_database() and state = 'active' and pid <> pg_backend_pid()");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sessions.add(rows.getString(1) + "  " + rows.getString(2));
            }
        }
        return sessions;
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
