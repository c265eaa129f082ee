package io.hookline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The scenarios of issue #8 against the running Hookline. Each opens a tenant of its own (through the operator API),
 * so fan-out never reaches another scenario's endpoints, and waits for its deliveries before the next one starts.
 */
final class Scenarios {

    /**
     * Deliveries committed but not yet received, in closed loops: enough to keep the workers busy, short to drain.
     * At 250 the window rather than the pipeline set the pace (250 in flight over ~170 ms from commit to receipt
     * under load is ~1,450/s); at 1,000 the CRM clients do.
     */
    private static final long IN_FLIGHT = 1000;
    /**
     * Events per CRM write in the closed loops: an import of this many customers, so that the figure is the
     * pipeline's rather than the CRM API's request rate (single writes are the latency scenarios' and the CRM cost's).
     */
    static final int EVENTS_PER_IMPORT = 10;
    /** An event type the sample CRM's imports never fire: an endpoint subscribed to it alone gets nothing new. */
    private static final String UNSENT_TYPE = "deal.won";
    /** A time of day to the millisecond; Instant.toString() leaves out a zero fraction (a whole second's commit). */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final Duration drain;

    private final Api api;
    private final Receiver receiver;
    private final Store store;
    private final Report report;
    private final Sampler sampler;
    private final boolean quick;
    private final Duration warmup;
    private final Duration measure;

    Scenarios(Api api, Receiver receiver, Store store, Report report, Sampler sampler, boolean quick, Duration warmup,
              Duration measure) {
        this.api = api;
        this.receiver = receiver;
        this.store = store;
        this.report = report;
        this.sampler = sampler;
        this.quick = quick;
        this.warmup = warmup;
        this.measure = measure;
        this.drain = Duration.ofSeconds(quick ? 20 : 60);
    }

    /**
     * Warms the JIT of Hookline ({@code pid}) on the whole path, until its compilers have caught up, and keeps the
     * first delivered body for the floor; returns the tenant.
     */
    String warmUp(Path payload, long pid) throws IOException {
        Tenant warm = tenant("warmup", 1);
        sampler.begin("warm-up");
        Compilers.warm("scenarios", pid, Duration.ofSeconds(quick ? 6 : 30), Duration.ofSeconds(quick ? 12 : 180),
                length -> warm.drive(Duration.ZERO, length, Load.Window.NONE));
        warm.finish();
        sampler.end();
        Files.write(payload, receiver.sampleBody());
        return warm.id;
    }

    /**
     * Closed loop of CRM imports, each event fanned out to {@code endpoints}; deliveries/s whose 2xx was recorded, and
     * Hookline's CPU time (process {@code pid} and its database sessions) per such delivery over the measured window.
     */
    void sustained(int endpoints, long pid, boolean profile) throws SQLException, IOException, InterruptedException {
        Tenant tenant = tenant("sustained-" + endpoints, endpoints);
        long profilePid = profile ? pid : 0;
        ServerCpu cpu = new ServerCpu(pid, "hookline", store);
        sampler.begin(endpoints + " endpoint(s)/event");
        jfr(profilePid, "JFR.start", "name=bench", "settings=profile", "delay=" + warmup.toSeconds() + "s",
                "filename=" + Path.of(System.getProperty("bench.out"), "hookline.jfr").toAbsolutePath());
        Thread waits = profilePid > 0 ? sampleDatabaseWaits() : null;
        Load.Run run = tenant.drive(warmup, measure, new Load.Window(cpu::start, cpu::stop));
        jfr(profilePid, "JFR.stop", "name=bench");
        if (waits != null) {
            waits.interrupt();
            waits.join();
        }
        sampler.steady();
        tenant.finish();
        sampler.end();
        long delivered = store.succeededBetween(tenant.id, "/", run.start(), run.end());
        String label = endpoints + (endpoints == 1 ? " endpoint" : " endpoints") + "/event";
        report.throughput("sustained", label + ": deliveries/s, commit to 2xx recorded", delivered / run.seconds(), true);
        report.cpu("sustained", label + ": CPU per delivery (JVM + its database sessions; CRM writes included)",
                (double) cpu.millis() / delivered);
        report.add("sustained", label + ": CRM events/s committed meanwhile (imports of " + EVENTS_PER_IMPORT + ")",
                run.postsPerSecond() * EVENTS_PER_IMPORT, "1/s", null, null);
    }

    /**
     * Open loop at {@code rate} events/s, offered as CRM writes of {@code eventsPerWrite} events each (a single write,
     * or an import); commit-to-receipt percentiles in ms, plus the target p99. First the same load until Hookline's
     * compilers have caught up with it: single writes and fan-outs of one event take paths that the imports of the
     * other scenarios' warm-up do not, and C2 compiling them took a quarter to a half of a core during a measured
     * 200 events/s (top -H, 2026-12-04), a steady server's tail with a cold server's. Quick runs, on C1 alone,
     * have only the measured run's own first 2 s.
     */
    double[] latency(int rate, int eventsPerWrite, double targetP99, long pid) throws SQLException, IOException {
        boolean single = eventsPerWrite == 1;
        Tenant tenant = tenant("latency-" + rate + (single ? "-single" : ""), 1);
        Runnable write = single ? tenant::write : () -> tenant.importBatch(eventsPerWrite);
        double writesPerSecond = (double) rate / eventsPerWrite;
        String name = rate + " events/s" + (single ? " (single writes)" : "");
        if (!quick) {
            Compilers.warm(name, pid, Duration.ofSeconds(10), Duration.ofSeconds(60),
                    length -> Load.open(writesPerSecond, Duration.ZERO, length, write));
        }
        sampler.begin(name);
        Load.Run run = Load.open(writesPerSecond, Duration.ofSeconds(2),
                Duration.ofSeconds(quick ? 8 : 30), write);
        tenant.finish();
        sampler.end();
        Map<String, Store.Stages> stages = store.stages(tenant.id, run.start(), Instant.now());
        long[] micros = stages.entrySet().stream().mapToLong(e -> {
            Long arrival = receiver.arrivalMicros(e.getKey());
            return arrival == null ? Long.MAX_VALUE : arrival - e.getValue().committed();
        }).sorted().toArray();
        long lost = Arrays.stream(micros).filter(m -> m == Long.MAX_VALUE).count();
        double[] result = {percentile(micros, 0.50), percentile(micros, 0.95), percentile(micros, 0.99), targetP99};
        String scenario = "latency " + rate + "/s" + (single ? "" : " (imports)");
        report.add(scenario, "CRM events/s achieved (offered " + rate + (single ? ", single writes"
                : " as imports of " + eventsPerWrite) + ")", run.postsPerSecond() * eventsPerWrite, "1/s", null, null);
        report.add(scenario, "p50 commit to receipt", result[0], "ms", null, null);
        report.add(scenario, "p95 commit to receipt", result[1], "ms", null, null);
        report.add(scenario, "p99 commit to receipt", result[2], "ms", "< " + (int) targetP99 + " ms", result[2] < targetP99);
        String split = scenario + ", where the time went: " + stageSplit(stages, tenant.answered, micros,
                Path.of(System.getProperty("bench.out"), "stages-" + tenant.id + ".csv"));
        System.out.println("  " + split);
        report.notes.add(split);
        if (lost > 0) {
            report.add(scenario, "deliveries not received within " + drain.toSeconds() + " s of the last write", lost, "",
                    "0", false);
            List<String> unfinished = store.unfinished(tenant.id);
            unfinished.forEach(line -> System.out.println("  not received: " + line));
            report.notes.add(scenario + ", not received: " + String.join("; ", unfinished));
        }
        return result;
    }

    /**
     * A backlog as an outage leaves it (see {@link Store#insertBacklog}), released by enabling the endpoint through
     * the API, timed until every delivery's 2xx is recorded.
     */
    void backlog(String sampleTenant, int count, long pid) throws SQLException {
        String key = api.openTenant("backlog");
        String url = receiver.url("/t/backlog/0");
        String endpoint = api.createEndpoint(key, "backlog", url, Bench.SECRET);
        api.disable(key, endpoint);
        store.insertBacklog(sampleTenant, "backlog", endpoint, url, count);
        sampler.begin("backlog " + count);
        ServerCpu cpu = new ServerCpu(pid, "hookline", store);
        cpu.start();
        long started = System.nanoTime();
        api.enable(key, endpoint);
        double enabling = (System.nanoTime() - started) / 1e9;
        long deadline = started + Duration.ofSeconds(count / 50).plus(drain).toNanos();
        long done = 0;
        while (done < count && System.nanoTime() < deadline) {
            Receiver.pause(250);
            done = store.countByStatus("backlog", "SUCCEEDED");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        cpu.stop();
        api.disable(key, endpoint);
        awaitQuiet();
        sampler.end();
        report.throughput("backlog", count + " pending deliveries drained: deliveries/s", done / seconds, true);
        report.cpu("backlog", "CPU per delivery (JVM + its database sessions)", (double) cpu.millis() / done);
        report.add("backlog", "time to drain" + (done < count ? " (gave up at " + done + ")" : ""), seconds, "s", null, null);
        report.add("backlog", "of which the enable request (its deliveries are made due after it, by the sweep)", enabling, "s", null, null);
    }

    /**
     * Four fast endpoints under a closed loop of CRM imports; in turns, a fifth that answers in 2 s or a fifth that
     * answers at once is subscribed as well (a PATCH of its events), in slots ordered A S F F S A so that a drift in
     * the host's speed hits all three alike. The fast four's deliveries/s in each: the slow fifth against none is
     * the figure; the fast fifth against none is the control, what a fifth endpoint's work alone costs. An
     * unsubscribed fifth keeps working off what it has, as it would in production; its new events are what it adds.
     */
    void slowReceiver() throws SQLException, InterruptedException {
        Tenant tenant = tenant("slow-mix", 4);
        Map<String, String> fifths = new LinkedHashMap<>();
        fifths.put("S", api.createEndpoint(tenant.key, "slow", receiver.url("/slow/slow-mix"), Bench.SECRET));
        fifths.put("F", api.createEndpoint(tenant.key, "fifth", receiver.url("/fifth/slow-mix"), Bench.SECRET));
        fifths.values().forEach(endpoint -> api.subscribe(tenant.key, endpoint, UNSENT_TYPE));
        Duration settle = Duration.ofSeconds(1);
        Duration slot = Duration.ofSeconds(quick ? 3 : 5);
        List<String> slots = new ArrayList<>();
        for (int round = 0; round < (quick ? 1 : 3); round++) {
            slots.addAll(List.of("A", "S", "F", "F", "S", "A"));
        }
        sampler.begin("4 fast; a slow or a fast 5th in turns");
        Duration total = warmup.plus(slot.plus(settle).multipliedBy(slots.size())).plusSeconds(1);
        Thread load = new Thread(() -> tenant.drive(Duration.ZERO, total, Load.Window.NONE), "slow-mix load");
        load.start();
        Thread.sleep(warmup.toMillis());
        Map<String, Long> delivered = new HashMap<>();
        for (String kind : slots) {
            fifths.forEach((fifth, endpoint) -> api.subscribe(tenant.key, endpoint, fifth.equals(kind) ? "*" : UNSENT_TYPE));
            Thread.sleep(settle.toMillis());
            Instant from = Instant.now();
            Thread.sleep(slot.toMillis());
            delivered.merge(kind, store.succeededBetween(tenant.id, "/t/", from, Instant.now()), Long::sum);
        }
        load.join();
        fifths.values().forEach(endpoint -> api.disable(tenant.key, endpoint));
        tenant.finish();
        sampler.end();
        double seconds = slot.toNanos() / 1e9 * slots.size() / 3;
        double alone = delivered.get("A") / seconds;
        double slow = delivered.get("S") / seconds;
        double fast = delivered.get("F") / seconds;
        double cost = alone > 0 ? (1 - slow / alone) * 100 : Double.NaN;
        report.throughput("slow receiver", "4 fast endpoints alone: their deliveries/s", alone, false);
        report.throughput("slow receiver", "same, with a 5th endpoint answering in 2 s", slow, false);
        report.add("slow receiver", "throughput the slow endpoint costs the others", cost, "%", "< 10%", Double.isFinite(cost) && cost < 10);
        report.throughput("slow receiver", "control: same, with a 5th endpoint answering at once", fast, false);
        report.add("slow receiver", "control: throughput a fast 5th endpoint costs the others", alone > 0
                ? (1 - fast / alone) * 100 : Double.NaN, "%", null, null);
    }

    /**
     * Waits (within the drain time) until no delivery is still handed over: messages queued for a disabled endpoint
     * are released one by one, and the next scenario's messages would queue behind them.
     */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + drain.toNanos();
        try {
            while (store.handedOver() > 0 && System.nanoTime() < deadline) {
                Receiver.pause(200);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private Tenant tenant(String id, int endpoints) {
        String key = api.openTenant(id);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            ids.add(api.createEndpoint(key, "endpoint " + i, receiver.url("/t/" + id + "/" + i), Bench.SECRET));
        }
        return new Tenant(id, key, ids);
    }

    /** A scenario's tenant: its key, its fast endpoints' path prefix, and how many deliveries its writes asked for. */
    private final class Tenant {
        final String id;
        final String key;
        final List<String> endpoints;
        final String prefix;
        final AtomicLong expected = new AtomicLong();
        /** When the CRM answered each single write (customer id to µs): its transaction had committed by then. */
        final Map<String, Long> answered = new ConcurrentHashMap<>();

        Tenant(String id, String key, List<String> endpoints) {
            this.id = id;
            this.key = key;
            this.endpoints = endpoints;
            this.prefix = "/t/" + id + "/";
        }

        void write() {
            answered.put(api.createCustomer(key), Receiver.micros(Instant.now()));
            expected.addAndGet(endpoints.size());
        }

        void importBatch(int events) {
            api.importCustomers(key, events);
            expected.addAndGet((long) endpoints.size() * events);
        }

        Load.Run drive(Duration warm, Duration measured, Load.Window window) {
            BooleanSupplier inFlightBelowCap = () -> expected.get() - receiver.count(prefix) < IN_FLIGHT;
            return Load.closed(Bench.WRITERS, warm, measured, inFlightBelowCap, () -> importBatch(EVENTS_PER_IMPORT), window);
        }

        /**
         * Waits (a minute at most) for every delivery asked for, then disables the endpoints, so that whatever is
         * still queued is released instead of competing with the next scenario.
         */
        void finish() {
            awaitReceived();
            endpoints.forEach(endpoint -> api.disable(key, endpoint));
            awaitQuiet();
        }

        void awaitReceived() {
            long deadline = System.nanoTime() + drain.toNanos();
            while (receiver.count(prefix) < expected.get() && System.nanoTime() < deadline) {
                Receiver.pause(100);
            }
        }
    }

    /**
     * Mean time of each stage (commit to fan-out, fan-out to the first attempt's start, that start to receipt) over
     * all received deliveries and over the slowest 1% of them, and when the slowest were committed: which stage makes
     * the tail, and whether it was one stall. For single writes also the mean time from the outbox row's
     * {@code created_at} to the CRM's answer, which covers the CRM's own commit: a commit that waits shows there, and
     * in the fan-out's stage too. Every delivery's stages go to {@code csv}, in commit order.
     */
    private String stageSplit(Map<String, Store.Stages> stages, Map<String, Long> answered, long[] sortedMicros,
                              Path csv) throws IOException {
        long tail = sortedMicros.length == 0 ? 0 : sortedMicros[(int) Math.ceil(0.99 * sortedMicros.length) - 1];
        StageSums all = new StageSums();
        StageSums slowest = new StageSums();
        long tailFrom = Long.MAX_VALUE;
        long tailTo = 0;
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Store.Stages> delivery : stages.entrySet()) {
            Long arrival = receiver.arrivalMicros(delivery.getKey());
            Store.Stages times = delivery.getValue();
            if (arrival == null || times.attempted() == 0) {
                continue;
            }
            Long answer = answered.get(times.entityId());
            rows.add(String.format("%s,%.1f,%.1f,%.1f,%s", clock(times.committed()), times.toFanOut() / 1000.0,
                    times.toAttempt() / 1000.0, (arrival - times.attempted()) / 1000.0,
                    answer == null ? "" : String.format("%.1f", (answer - times.committed()) / 1000.0)));
            all.add(times, arrival, answer);
            if (arrival - times.committed() >= tail) {
                slowest.add(times, arrival, answer);
                tailFrom = Math.min(tailFrom, times.committed());
                tailTo = Math.max(tailTo, times.committed());
            }
        }
        rows.sort(null);
        rows.add(0, "committed,to_fan_out_ms,to_attempt_ms,to_receipt_ms,to_crm_answer_ms");
        Files.write(csv, rows);
        return String.format("all %s; slowest 1%% %s, committed between %s and %s", all, slowest, clock(tailFrom),
                clock(tailTo));
    }

    private static String clock(long epochMicros) {
        return epochMicros == Long.MAX_VALUE ? "-" : CLOCK.format(Instant.ofEpochSecond(0, epochMicros * 1000));
    }

    /** The stages' sums (µs) over a group of deliveries, and the CRM's answer's over those that had one; as means. */
    private static final class StageSums {
        private long count;
        private long toFanOut;
        private long toAttempt;
        private long toReceipt;
        private long answers;
        private long toAnswer;

        void add(Store.Stages times, long arrival, Long answer) {
            count++;
            toFanOut += times.toFanOut();
            toAttempt += times.toAttempt();
            toReceipt += arrival - times.attempted();
            if (answer != null) {
                answers++;
                toAnswer += answer - times.committed();
            }
        }

        @Override
        public String toString() {
            double n = Math.max(1, count) * 1000.0;
            String means = String.format("(%d): to fan-out %.1f ms, to attempt %.1f ms, to receipt %.1f ms", count,
                    toFanOut / n, toAttempt / n, toReceipt / n);
            return answers == 0 ? means : means + String.format(" (the CRM answered %.1f ms after created_at)",
                    toAnswer / 1000.0 / answers);
        }
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        long value = sortedMicros[(int) Math.ceil(p * sortedMicros.length) - 1];
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1000.0;
    }

    /** Samples Hookline's active database sessions every 20 ms until interrupted; the tally goes to pg-waits.txt. */
    private static Thread sampleDatabaseWaits() {
        Thread sampler = new Thread(() -> {
            Map<String, Integer> tally = new java.util.TreeMap<>();
            int samples = 0;
            try (Store sessions = new Store(System.getProperty("bench.jdbc"), "hookline", "hookline")) {
                while (!Thread.currentThread().isInterrupted()) {
                    samples++;
                    sessions.activeSessions().forEach(line -> tally.merge(line, 1, Integer::sum));
                    Receiver.pause(20);
                }
                StringBuilder text = new StringBuilder("active Hookline sessions in " + samples + " samples of pg_stat_activity"
                        + " (sessions seen: wait event, statement)\n");
                tally.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> text.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
                Files.writeString(Path.of(System.getProperty("bench.out"), "pg-waits.txt"), text);
            } catch (SQLException | IOException failure) {
                System.err.println("database wait sampling failed: " + failure);
            }
        }, "pg-waits");
        sampler.start();
        return sampler;
    }

    private static void jfr(long pid, String... command) throws IOException, InterruptedException {
        if (pid <= 0) {
            return;
        }
        String[] full = new String[command.length + 2];
        full[0] = "jcmd";
        full[1] = String.valueOf(pid);
        System.arraycopy(command, 0, full, 2, command.length);
        new ProcessBuilder(full).inheritIO().start().waitFor();
    }
}
