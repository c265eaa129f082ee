package io.hookline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives Hookline (started by bench/run) through its public API and reads its database: the CRM write's cost
 * against a twin server without the outbox observer, the floor before and after, and the scenarios of issue #8;
 * then the table, CSV, JSON and PNG. Settings come as system properties {@code bench.*} (see bench/run).
 */
public final class Bench {

    static final String SECRET = "whsec_bench-shared-signing-secret";
    static final int WRITERS = 8; // concurrent CRM clients in closed loops
    static final int WORKERS = 64; // attempts Hookline runs at once (hookline.delivery.max-concurrent)

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final Path out = Path.of(System.getProperty("bench.out"));
    private final Api api = new Api(System.getProperty("bench.base"), System.getProperty("bench.operatorKey"));
    private final Duration warmup = seconds(quick ? 2 : 5);
    /**
     * The floor starts in a JVM of its own, cold, whereas Hookline had its warm-up scenario: the floor gets longer
     * than the scenarios to settle its JIT (with 2 s it measured 1,600-2,400/s in quick runs, with 8-10 s
     * 3,300-3,500/s; full runs 3,900-6,000/s).
     */
    private final Duration floorWarmup = seconds(quick ? 5 : 8);
    private final Duration measure = seconds(quick ? 5 : 30);
    private final List<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
            .filter(name -> !name.isBlank()).toList();

    /** The twin without the outbox observer serves only the CRM write's scenario. */
    private static void stopBaseline() {
        ProcessHandle.of(Long.parseLong(System.getProperty("bench.baselinePid"))).ifPresent(ProcessHandle::destroy);
    }

    /** Whether the scenario runs: all do unless {@code bench.only} names some. */
    private boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    public static void main(String[] args) throws Exception {
        new Bench().run();
    }

    private void run() throws Exception {
        Map<String, String> machine = Machine.describe();
        Report report = new Report(machine);
        long pid = Long.parseLong(System.getProperty("bench.pid"));
        Map<String, double[]> latencies = new LinkedHashMap<>();
        try (Receiver receiver = new Receiver(Path.of(System.getProperty("bench.trustStore")), SECRET);
             Store store = new Store(System.getProperty("bench.jdbc"), "hookline", "hookline");
             Sampler sampler = new Sampler(receiver, pid, report, store)) {
            if (runs("crm")) {
                crmOverhead(report, sampler, store, pid);
            } else {
                stopBaseline();
            }
            Scenarios scenarios = new Scenarios(api, receiver, store, report, sampler, quick, warmup, measure);
            String sampleTenant = scenarios.warmUp(out.resolve("payload.json"), pid);
            Report.FloorRun floorBefore = floor(receiver, sampler, "floor (before)");
            if (runs("sustained1")) scenarios.sustained(1, pid, Boolean.getBoolean("bench.profile"));
            if (runs("sustained10")) scenarios.sustained(10, pid, false);
            if (runs("latency200")) latencies.put("200 events/s", scenarios.latency(200, 1, 100, pid));
            if (runs("latency1000")) {
                latencies.put("1,000 events/s (imports of 10)", scenarios.latency(1000, Scenarios.EVENTS_PER_IMPORT, 250, pid));
            }
            // 1,000 single CRM writes/s overload two cores by themselves (see README): full runs only, off the chart
            if (runs("latency1000w") && (!quick || only.contains("latency1000w"))) scenarios.latency(1000, 1, 250, pid);
            if (runs("backlog")) scenarios.backlog(sampleTenant, quick ? 5_000 : 100_000, pid);
            if (runs("slow")) scenarios.slowReceiver();
            report.floor(floorBefore, floor(receiver, sampler, "floor (after)"));
            report.add("rss", "Hookline RSS at steady state (end of 10-endpoint run)", sampler.steadyRssMiB, "MiB", null, null);
            report.add("rss", "Hookline RSS, peak during the run", sampler.peakRssMiB, "MiB", null, null);
            report.add("check", "requests with a bad signature (must be 0)", receiver.badSignatures(), "", "0",
                    receiver.badSignatures() == 0);
        }
        machine.put("loadAfter", Machine.loadAverage());
        report.write(out);
        Chart.write(report, latencies, out.resolve("bench.png"));
        System.out.println();
        System.out.println(report.machineLine());
        System.out.print(report.table());
    }

    /**
     * The same CRM write (POST /api/v1/crm/customers; 8 clients in closed loops, then 1) on this WAR and on a twin server
     * deployed from the same WAR minus the outbox observer, in alternating slots so that load from elsewhere on
     * the machine hits both alike. The tenant has no endpoints: the cost measured is the outbox row, the post-commit
     * message and the (empty) fan-out. Measured twice: as response time, and as CPU time per write (each server's JVM
     * and its database sessions during its own slots), which the host's other work hardly moves. The twin is stopped
     * afterwards.
     */
    private void crmOverhead(Report report, Sampler sampler, Store store, long pid) throws InterruptedException {
        Api twin = new Api(System.getProperty("bench.baselineBase"), System.getProperty("bench.operatorKey"));
        String withKey = api.openTenant("crm-with");
        String withoutKey = twin.openTenant("crm-without");
        Runnable withWrite = () -> api.createCustomer(withKey);
        Runnable withoutWrite = () -> twin.createCustomer(withoutKey);
        sampler.begin("crm write");
        long twinPid = Long.parseLong(System.getProperty("bench.baselinePid"));
        Duration warm = seconds(quick ? 3 : 15);
        Duration warmAtMost = seconds(quick ? 6 : 120);
        Compilers.warm("CRM write, twin", twinPid, warm, warmAtMost,
                length -> Load.closed(WRITERS, length, Duration.ZERO, () -> true, withoutWrite));
        Compilers.warm("CRM write, Hookline", pid, warm, warmAtMost,
                length -> Load.closed(WRITERS, length, Duration.ZERO, () -> true, withWrite));
        // Short slots, many rounds: this host's speed moves in bursts of seconds; 5 s slots gave 10% in one run
        // and 20-35% in the next hour (the same code), 2 s slots meet more bursts in both servers' slots alike.
        Duration slot = seconds(2);
        Side with = new Side(withWrite, new ServerCpu(pid, "hookline", store));
        Side without = new Side(withoutWrite, new ServerCpu(twinPid, "hookline_twin", store));
        alternate(quick ? 2 : 16, WRITERS, slot, 500, without, with);
        // One client: the transaction's own cost, with the two cores not saturated by the clients themselves.
        Side withAlone = new Side(withWrite, new ServerCpu(pid, "hookline", store));
        Side withoutAlone = new Side(withoutWrite, new ServerCpu(twinPid, "hookline_twin", store));
        alternate(quick ? 2 : 10, 1, slot, 0, withoutAlone, withAlone);
        sampler.end();
        stopBaseline();
        String crm = "crm write";
        report.add(crm, "CRM writes/s without outbox observer (8 clients)", Load.Run.perSecond(without.runs), "1/s", null, null);
        report.add(crm, "CRM writes/s with outbox (no endpoint subscribed)", Load.Run.perSecond(with.runs), "1/s", null, null);
        double withMean = Load.Run.meanMillis(with.runs);
        double withoutMean = Load.Run.meanMillis(without.runs);
        report.add(crm, "mean CRM write time without outbox observer", withoutMean, "ms", null, null);
        report.add(crm, "mean CRM write time with outbox", withMean, "ms", null, null);
        double overhead = (withMean / withoutMean - 1) * 100;
        report.add(crm, "outbox's added cost per CRM write, response time", overhead, "%", "< 15%", overhead < 15);
        report.add(crm, "CPU per CRM write without outbox observer (JVM + its database sessions)",
                without.cpuPerWrite(), "ms", null, null);
        report.add(crm, "CPU per CRM write with outbox", with.cpuPerWrite(), "ms", null, null);
        double cpuOverhead = (with.cpuPerWrite() / without.cpuPerWrite() - 1) * 100;
        report.add(crm, "outbox's added cost per CRM write, CPU time", cpuOverhead, "%", "< 15%", cpuOverhead < 15);
        double aloneWith = Load.Run.meanMillis(withAlone.runs);
        double aloneWithout = Load.Run.meanMillis(withoutAlone.runs);
        report.add(crm, "mean CRM write time, 1 client, without outbox observer", aloneWithout, "ms", null, null);
        report.add(crm, "mean CRM write time, 1 client, with outbox", aloneWith, "ms", null, null);
        double aloneOverhead = (aloneWith / aloneWithout - 1) * 100;
        report.add(crm, "outbox's added cost, 1 client (the transaction alone)", aloneOverhead, "%", null, null);
        System.out.printf("CRM write: %.1f ms without the outbox, %.1f ms with it; CPU %.2f ms and %.2f ms,"
                        + " of which the database's sessions %.2f ms and %.2f ms%n", withoutMean, withMean,
                without.cpuPerWrite(), with.cpuPerWrite(), without.databaseCpuPerWrite(), with.databaseCpuPerWrite());
    }

    /** One server's side of the CRM cost: its write, its measured slots, and the CPU it spent in them. */
    private record Side(Runnable write, ServerCpu cpu, List<Load.Run> runs) {
        Side(Runnable write, ServerCpu cpu) {
            this(write, cpu, new ArrayList<>());
        }

        void slot(int clients, Duration length) {
            cpu.start();
            runs.add(Load.closed(clients, Duration.ZERO, length, () -> true, write));
            cpu.stop();
        }

        double cpuPerWrite() {
            return (double) cpu.millis() / writes();
        }

        double databaseCpuPerWrite() {
            return (double) cpu.databaseMillis() / writes();
        }

        private long writes() {
            return runs.stream().mapToLong(Load.Run::posts).sum();
        }
    }

    /** Runs the floor program in a JVM of its own against the same receiver and PostgreSQL. */
    private Report.FloorRun floor(Receiver receiver, Sampler sampler, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Boolean.getBoolean("bench.profile") && name.contains("before")) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve("floor.jfr"));
        }
        command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), Floor.class.getName(),
                receiver.url("/floor"), System.getProperty("bench.floorJdbc"), "hookline", "hookline", SECRET,
                out.resolve("payload.json").toString(), System.getProperty("bench.trustStore"), String.valueOf(WORKERS),
                String.valueOf(floorWarmup.toSeconds()), String.valueOf(measure.toSeconds())));
        sampler.begin(name);
        Process floor = new ProcessBuilder(command).redirectErrorStream(true).start();
        Report.FloorRun run = new Report.FloorRun(Double.NaN, Double.NaN);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(floor.getInputStream()))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("FLOOR ")) {
                    String[] figures = line.split(" ");
                    run = new Report.FloorRun(Double.parseDouble(figures[1]), Double.parseDouble(figures[3]));
                } else if (!line.contains("[jfr,startup]")) {
                    System.out.println("floor: " + line);
                }
            }
        } finally {
            floor.destroy();
            floor.waitFor();
            sampler.end();
        }
        System.out.printf("%s: %.0f attempts/s, %.3f ms CPU each%n", name, run.perSecond(), run.cpuMillis());
        return run;
    }

    /**
     * {@code rounds} pairs of closed-loop slots of {@code clients}, one slot on each server, in A B B A order so that
     * neither always follows the other; {@code pauseMillis} after each slot.
     */
    private static void alternate(int rounds, int clients, Duration slot, long pauseMillis, Side without, Side with) {
        for (int round = 0; round < rounds; round++) {
            boolean withoutFirst = round % 2 == 0;
            for (Side side : withoutFirst ? List.of(without, with) : List.of(with, without)) {
                side.slot(clients, slot);
                Receiver.pause(pauseMillis);
            }
        }
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
