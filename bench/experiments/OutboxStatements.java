import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The experiment behind the outbox's statements (io.hookline.event.control.Outbox, 2026-12-03): what writing the
 * outbox rows costs a CRM transaction on PostgreSQL, as one insert that returns the status it chose (the earlier
 * way: a JDBC batch with generated keys) or as an insert that tests for subscribers and tells by its update count,
 * then a plain insert of the subscribed ones (the way now); one event and an import of ten, for a tenant with no
 * endpoint and for one whose endpoint takes every event; and what one unsubscribed event's cost is made of (a
 * round trip, the row, the subscriber test). Every transaction also inserts a customer, alone in the baseline. 8 clients in alternating 2 s slots; per transaction, the CPU of their database sessions (from /proc: run
 * it on the database's host, as root or as the database's user) and of the client threads. Its tables live in a
 * scratch schema, dropped afterwards. Driver settings as Hookline's (batched inserts rewritten).
 *
 * <pre>java -cp postgresql-42.7.4.jar bench/experiments/OutboxStatements.java 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'</pre>
 */
public class OutboxStatements {

    static final String SCHEMA = "outbox_experiment";
    static final String COLUMNS = "id, tenant_id, type, entity_type, entity_id, actor_id, occurred_at, data, changes, created_at";
    static final String SUBSCRIBED = "exists (select 1 from endpoint e where e.tenant_id = ? and e.status = 'ACTIVE'"
            + " and e.active_since <= ? and (e.all_events or exists (select 1 from endpoint_event_type t"
            + " where t.endpoint_id = e.id and t.event_type = ?)))";
    static final String RETURNING_STATUS = "insert into outbox_event (" + COLUMNS + ", status, dispatched_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, d.status, case when d.status = 'DISPATCHED' then ? end"
            + " from (select case when " + SUBSCRIBED + " then 'PENDING' else 'DISPATCHED' end as status) d";
    static final String UNLESS_SUBSCRIBED = "insert into outbox_event (" + COLUMNS + ", status, dispatched_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISPATCHED', ? where not " + SUBSCRIBED;
    static final String PENDING = "insert into outbox_event (" + COLUMNS + ", status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')";
    static final String CUSTOMER = "insert into crm_customer (id, created_at, email, name, phone, tenant_id, updated_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String DATA = "{\"id\":\"01a23c3c-ab39-740e-a2e7-0dfac067d5b9\",\"name\":\"Customer 5\",\"email\":\"c5@example.com\","
            + "\"phone\":\"555-5\",\"createdAt\":\"2026-12-03T14:08:58.681600Z\",\"updatedAt\":\"2026-12-03T14:08:58.681600Z\"}";
    static final int CLIENTS = 8;
    static final int ROUNDS = 4;
    static final long SLOT_NANOS = 2_000_000_000L;
    static final long MILLIS_PER_TICK = 10;

    /**
     * How the outbox rows are written: not at all (the baseline), returning their status, or by update count; and,
     * to price the parts of one event's cost, a bare round trip in its place or its row as a plain insert.
     */
    enum Way { NONE, RETURNING, COUNT, ROUND_TRIP, PLAIN }

    record Variant(String name, Way way, int events, String tenant) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0] + (args[0].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true&currentSchema=" + SCHEMA;
        try (Connection ddl = DriverManager.getConnection(url); Statement create = ddl.createStatement()) {
            create.execute("drop schema if exists " + SCHEMA + " cascade");
            create.execute("create schema " + SCHEMA);
            create.execute("create table outbox_event (id varchar(36) primary key, tenant_id varchar(64) not null,"
                    + " type varchar(100) not null, entity_type varchar(100) not null, entity_id varchar(100) not null,"
                    + " actor_id varchar(100), occurred_at timestamptz not null, data text not null, changes text,"
                    + " status varchar(16) not null, created_at timestamptz not null, dispatched_at timestamptz)");
            create.execute("create index on outbox_event (status, created_at)");
            create.execute("create index on outbox_event (tenant_id, created_at, id)");
            create.execute("create table endpoint (id varchar(36) primary key, tenant_id varchar(64) not null,"
                    + " status varchar(16) not null, all_events boolean not null, active_since timestamptz)");
            create.execute("create index on endpoint (tenant_id, status)");
            create.execute("create table endpoint_event_type (endpoint_id varchar(36) not null references endpoint (id),"
                    + " event_type varchar(100) not null, primary key (endpoint_id, event_type))");
            create.execute("create table crm_customer (id varchar(36) primary key, tenant_id varchar(64) not null,"
                    + " name varchar(200) not null, email varchar(320), phone varchar(50), created_at timestamptz not null,"
                    + " updated_at timestamptz not null, version bigint not null)");
            create.execute("create index on crm_customer (tenant_id, created_at)");
            create.execute("insert into endpoint values ('e1', 'subscribed', 'ACTIVE', true, now() - interval '1 hour')");
        }
        List<Variant> variants = List.of(new Variant("customer insert alone (baseline)", Way.NONE, 0, "quiet"),
                new Variant("1 event, no subscriber, returning its status", Way.RETURNING, 1, "quiet"),
                new Variant("1 event, no subscriber, update count", Way.COUNT, 1, "quiet"),
                new Variant("  its round trip alone (select 1)", Way.ROUND_TRIP, 0, "quiet"),
                new Variant("  its row as a plain insert, no subscriber test", Way.PLAIN, 1, "quiet"),
                new Variant("1 event, subscribed, returning its status", Way.RETURNING, 1, "subscribed"),
                new Variant("1 event, subscribed, update count + plain insert", Way.COUNT, 1, "subscribed"),
                new Variant("10 events, no subscriber, returning their status", Way.RETURNING, 10, "quiet"),
                new Variant("10 events, no subscriber, update counts", Way.COUNT, 10, "quiet"),
                new Variant("10 events, subscribed, returning their status", Way.RETURNING, 10, "subscribed"),
                new Variant("10 events, subscribed, update counts + plain inserts", Way.COUNT, 10, "subscribed"));
        List<Connection> sessions = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Connection session = DriverManager.getConnection(url);
            try (Statement query = session.createStatement(); ResultSet pid = query.executeQuery("select pg_backend_pid()")) {
                pid.next();
                pids.add(pid.getLong(1));
            }
            session.setAutoCommit(false);
            sessions.add(session);
        }
        Map<Variant, long[]> totals = new LinkedHashMap<>(); // transactions, database ms, client ns
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Variant variant : order) {
                long[] before = new long[CLIENTS];
                for (int i = 0; i < CLIENTS; i++) {
                    before[i] = cpuTicks(pids.get(i));
                }
                AtomicLong transactions = new AtomicLong();
                AtomicLong clientNanos = new AtomicLong();
                long end = System.nanoTime() + SLOT_NANOS;
                List<Future<?>> running = new ArrayList<>();
                for (Connection session : sessions) {
                    running.add(clients.submit(() -> {
                        long cpu = threads.getCurrentThreadCpuTime();
                        while (System.nanoTime() < end) {
                            transaction(session, variant);
                            transactions.incrementAndGet();
                        }
                        clientNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
                long databaseMillis = 0;
                for (int i = 0; i < CLIENTS; i++) {
                    databaseMillis += (cpuTicks(pids.get(i)) - before[i]) * MILLIS_PER_TICK;
                }
                if (round > 0) {
                    long[] total = totals.computeIfAbsent(variant, v -> new long[3]);
                    total[0] += transactions.get();
                    total[1] += databaseMillis;
                    total[2] += clientNanos.get();
                }
            }
        }
        clients.shutdown();
        System.out.printf("%-54s %12s %12s %12s%n", "CPU per transaction (ms)", "database", "client", "both");
        totals.forEach((variant, total) -> System.out.printf("%-54s %12.3f %12.3f %12.3f%n", variant.name(),
                total[1] / (double) total[0], total[2] / 1e6 / total[0], (total[1] + total[2] / 1e6) / total[0]));
        for (Connection session : sessions) {
            session.close();
        }
        try (Connection ddl = DriverManager.getConnection(url); Statement drop = ddl.createStatement()) {
            drop.execute("drop schema " + SCHEMA + " cascade");
        }
    }

    static void transaction(Connection session, Variant variant) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<List<Object>> events = new ArrayList<>();
        for (int i = 0; i < variant.events(); i++) {
            events.add(Arrays.asList(UUID.randomUUID().toString(), variant.tenant(), "customer.created", "customer",
                    UUID.randomUUID().toString(), null, now, DATA, null, now));
        }
        if (variant.way() == Way.RETURNING) {
            try (PreparedStatement insert = session.prepareStatement(RETURNING_STATUS, new String[] {"status"})) {
                for (List<Object> event : events) {
                    bind(insert, event, now, variant.tenant(), now, "customer.created");
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet status = insert.getGeneratedKeys()) {
                    while (status.next()) {
                        status.getString(1);
                    }
                }
            }
        } else if (variant.way() == Way.ROUND_TRIP) {
            try (PreparedStatement query = session.prepareStatement("select 1"); ResultSet one = query.executeQuery()) {
                one.next();
            }
        } else if (variant.way() == Way.PLAIN) {
            try (PreparedStatement insert = session.prepareStatement(PENDING)) {
                execute(insert, events);
            }
        } else if (variant.way() == Way.COUNT) {
            List<List<Object>> pending = new ArrayList<>();
            try (PreparedStatement insert = session.prepareStatement(UNLESS_SUBSCRIBED)) {
                int[] inserted = execute(insert, events, now, variant.tenant(), now, "customer.created");
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] == 0) {
                        pending.add(events.get(i));
                    }
                }
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement insert = session.prepareStatement(PENDING)) {
                    execute(insert, pending);
                }
            }
        }
        try (PreparedStatement insert = session.prepareStatement(CUSTOMER)) {
            bind(insert, List.of(UUID.randomUUID().toString(), now, "c@example.com", "Customer", "555", variant.tenant(), now, 1L));
            insert.executeUpdate();
        }
        session.commit();
    }

    /** As Hookline's JdbcBatch: a single row as a plain execution, since the driver re-plans a batch of one. */
    static int[] execute(PreparedStatement statement, List<List<Object>> rows, Object... more) throws SQLException {
        if (rows.size() == 1) {
            bind(statement, rows.get(0), more);
            return new int[] {statement.executeUpdate()};
        }
        for (List<Object> row : rows) {
            bind(statement, row, more);
            statement.addBatch();
        }
        return statement.executeBatch();
    }

    static void bind(PreparedStatement statement, List<Object> values, Object... more) throws SQLException {
        List<Object> all = new ArrayList<>(values);
        all.addAll(List.of(more));
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, all.get(i));
            }
        }
    }

    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
