package io.hookline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Drives a running Hookline (started by bench/run) through its public API and reads its database.
 * {@code Bench crm-baseline}: the CRM write alone, on a WAR without the outbox observer.
 * {@code Bench main}: everything else against the real WAR, the floor in the same run, then table, CSV, JSON, PNG.
 * Settings come as system properties {@code bench.*} (see bench/run).
 */
public final class Bench {

    static final String SECRET = "whsec_bench-shared-signing-secret";
    private static final int WORKERS = 16; // Hookline's DeliveryListener maxSessions
    static final int WRITERS = 8; // concurrent CRM clients in closed loops

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final Path out = Path.of(System.getProperty("bench.out"));
    private final Api api = new Api(System.getProperty("bench.base"), System.getProperty("bench.operatorKey"));
    private final Duration warmup = seconds(quick ? 3 : 5);
    private final Duration measure = seconds(quick ? 8 : 30);

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        if (args[0].equals("crm-baseline")) {
            bench.crmBaseline();
        } else {
            bench.all();
        }
    }

    /** The CRM write with no outbox observer deployed: written to crm-without.properties for the main run. */
    private void crmBaseline() throws IOException {
        Load.Run run = crmWrites("crm-without");
        Properties baseline = new Properties();
        baseline.setProperty("writesPerSecond", String.valueOf(run.postsPerSecond()));
        baseline.setProperty("meanMillis", String.valueOf(run.meanMillis()));
        try (var writer = Files.newBufferedWriter(out.resolve("crm-without.properties"))) {
            baseline.store(writer, "CRM writes without the outbox observer");
        }
        System.out.printf("CRM baseline (no outbox observer): %.0f writes/s, mean %.1f ms%n", run.postsPerSecond(), run.meanMillis());
    }

    /**
     * Closed loop of CRM writes in a tenant with no endpoints. The warm-up is long because the baseline runs on a
     * freshly started server, while the main run's server is warm from the scenarios before.
     */
    private Load.Run crmWrites(String tenant) {
        String key = api.openTenant(tenant);
        return Load.closed(WRITERS, seconds(quick ? 8 : 20), measure, () -> true, () -> api.createCustomer(key));
    }

    private void all() throws Exception {
        Map<String, String> machine = Machine.describe();
        Report report = new Report(machine);
        long pid = Long.parseLong(System.getProperty("bench.pid"));
        Map<String, double[]> latencies = new LinkedHashMap<>();
        try (Receiver receiver = new Receiver(Path.of(System.getProperty("bench.trustStore")), SECRET);
             Store store = new Store(System.getProperty("bench.jdbc"), "hookline", "hookline");
             Sampler sampler = new Sampler(receiver, pid, report)) {
            Scenarios scenarios = new Scenarios(api, receiver, store, report, sampler, quick, warmup, measure);
            String sampleTenant = scenarios.warmUp(out.resolve("payload.json"));
            report.floor(floor(receiver, out.resolve("payload.json"), sampler));
            scenarios.sustained(1, Boolean.getBoolean("bench.profile") ? pid : 0);
            scenarios.sustained(10, 0);
            latencies.put("200 events/s", scenarios.latency(200, 100));
            latencies.put("1,000 events/s", scenarios.latency(1000, 250));
            scenarios.backlog(sampleTenant, quick ? 10_000 : 100_000);
            crmOverhead(report, sampler);
            scenarios.slowReceiver();
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

    private double floor(Receiver receiver, Path payload, Sampler sampler) throws IOException, InterruptedException {
        int warm = quick ? 3 : 5;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Boolean.getBoolean("bench.profile")) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve("floor.jfr"));
        }
        command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), Floor.class.getName(),
                receiver.url("/floor"), System.getProperty("bench.floorJdbc"), "hookline", "hookline", SECRET,
                payload.toString(), System.getProperty("bench.trustStore"), String.valueOf(WORKERS),
                String.valueOf(warm), String.valueOf(measure.toSeconds())));
        sampler.begin("floor");
        Process floor = new ProcessBuilder(command).redirectErrorStream(true).start();
        double rate = Double.NaN;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(floor.getInputStream()))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("FLOOR ")) {
                    rate = Double.parseDouble(line.split(" ")[1]);
                } else {
                    System.out.println("floor: " + line);
                }
            }
        } finally {
            floor.destroy();
            floor.waitFor();
            sampler.end();
        }
        System.out.printf("floor: %.0f attempts/s%n", rate);
        return rate;
    }

    /** The same CRM write with the outbox observer (this WAR) and without it (crm-baseline run, same settings). */
    private void crmOverhead(Report report, Sampler sampler) throws IOException {
        Properties baseline = new Properties();
        try (var reader = Files.newBufferedReader(out.resolve("crm-without.properties"))) {
            baseline.load(reader);
        }
        sampler.begin("crm write");
        Load.Run with = crmWrites("crm-with");
        sampler.end();
        double withoutMean = Double.parseDouble(baseline.getProperty("meanMillis"));
        double withoutRate = Double.parseDouble(baseline.getProperty("writesPerSecond"));
        double overhead = (with.meanMillis() / withoutMean - 1) * 100;
        report.add("crm write", "CRM writes/s without outbox observer (8 writers)", withoutRate, "1/s", null, null);
        report.add("crm write", "CRM writes/s with outbox (no endpoint subscribed)", with.postsPerSecond(), "1/s", null, null);
        report.add("crm write", "mean CRM write time without outbox observer", withoutMean, "ms", null, null);
        report.add("crm write", "mean CRM write time with outbox", with.meanMillis(), "ms", null, null);
        report.add("crm write", "outbox's added cost per CRM write", overhead, "%", "< 15%", overhead < 15);
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
