package io.hookline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run: printed as a table, written as CSV and JSON next to the machine they were taken on. */
final class Report {

    /** One figure; {@code floorRatio} and {@code target} only where they apply. */
    record Row(String scenario, String figure, double value, String unit, Double floorRatio, String target, Boolean met) {
    }

    /** A scenario's stretch of the run, in seconds since the receiver started, for the chart. */
    record Band(String name, int from, int to) {
    }

    /** One second of the run: receiver arrivals from Hookline and from the floor, Hookline's RSS. */
    record Second(int second, long hookline, long floor, long rssMiB) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Band> bands = new ArrayList<>();
    /** Findings a row cannot hold (what became of deliveries that did not arrive), printed under the table. */
    final List<String> notes = new ArrayList<>();
    final List<Second> timeline = new ArrayList<>();
    final Map<String, String> machine;

    Report(Map<String, String> machine) {
        this.machine = machine;
    }

    /** One run of the floor: attempts per second, and CPU time per attempt (its JVM and its database sessions). */
    record FloorRun(double perSecond, double cpuMillis) {
    }

    /**
     * The floor, measured before and after the Hookline scenarios; ratios are to the mean of the two, and the two
     * apart say how much the machine's own load moved meanwhile. A throughput's ratio is its rate over the floor's;
     * a CPU time's is the floor's CPU per attempt over it, so that above 1.0 is better in both.
     */
    void floor(FloorRun before, FloorRun after) {
        double floor = (before.perSecond() + after.perSecond()) / 2;
        double floorCpu = (before.cpuMillis() + after.cpuMillis()) / 2;
        String what = "(sign, POST over TLS, 1 commit each; " + Bench.WORKERS + " threads)";
        rows.addAll(0, List.of(
                new Row("floor", "attempts/s " + what + ", before", before.perSecond(), "1/s", null, null, null),
                new Row("floor", "the same, after the Hookline scenarios", after.perSecond(), "1/s", null, null, null),
                new Row("floor", "CPU per attempt (floor's JVM + its database sessions), before", before.cpuMillis(), "ms", null, null, null),
                new Row("floor", "the same, after", after.cpuMillis(), "ms", null, null, null)));
        for (int i = 4; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.floorRatio != null) {
                double ratio = row.unit.equals("1/s") ? row.value / floor : floorCpu / row.value;
                rows.set(i, new Row(row.scenario, row.figure, row.value, row.unit, ratio, row.target,
                        row.met == null ? null : ratio >= 1.0));
            }
        }
    }

    /** A throughput figure, shown also as a ratio to the floor (set once the floor is known); target 1.0× or none. */
    void throughput(String scenario, String figure, double perSecond, boolean floorTarget) {
        rows.add(new Row(scenario, figure, perSecond, "1/s", Double.NaN, floorTarget ? ">= 1.0x floor" : null,
                floorTarget ? Boolean.FALSE : null));
    }

    /**
     * CPU time per delivery (Hookline's JVM and its database sessions), shown also against the floor's per attempt:
     * unlike throughput it hardly moves when other work on the host takes turns on the cores.
     */
    void cpu(String scenario, String figure, double millis) {
        rows.add(new Row(scenario, figure, millis, "ms", Double.NaN, null, null));
    }

    void add(String scenario, String figure, double value, String unit, String target, Boolean met) {
        rows.add(new Row(scenario, figure, value, unit, null, target, met));
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-14s %-58s %12s %-5s %9s  %s%n", "scenario", "figure", "value", "unit", "x floor", "target"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-14s %-58s %12s %-5s %9s  %s%n", row.scenario, row.figure,
                    number(row.value), row.unit, row.floorRatio == null ? "" : String.format(Locale.ROOT, "%.2fx", row.floorRatio),
                    row.target == null ? "" : row.target + (row.met == null ? "" : row.met ? "  met" : "  MISSED")));
        }
        notes.forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    /** The table as Markdown, for the README. */
    String markdown() {
        StringBuilder out = new StringBuilder("| scenario | figure | value | × floor | target |\n|---|---|---:|---:|---|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s |%n", row.scenario, row.figure, number(row.value),
                    row.unit, row.floorRatio == null ? "" : String.format(Locale.ROOT, "%.2f×", row.floorRatio),
                    row.target == null ? "" : row.target + (row.met == null ? "" : row.met ? " ✔" : " ✘ missed")));
        }
        notes.forEach(note -> out.append("\n").append(note).append('\n'));
        return out.toString();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("results.csv"), "scenario,figure,value,unit,floor_ratio,target,met\n" + rows.stream()
                .map(r -> String.join(",", csv(r.scenario), csv(r.figure), number(r.value), r.unit,
                        r.floorRatio == null ? "" : String.format(Locale.ROOT, "%.3f", r.floorRatio),
                        csv(r.target == null ? "" : r.target), r.met == null ? "" : r.met.toString()))
                .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(dir.resolve("timeline.csv"), "second,hookline_arrivals,floor_arrivals,hookline_rss_mib\n" + timeline.stream()
                .map(s -> s.second + "," + s.hookline + "," + s.floor + "," + s.rssMiB).collect(Collectors.joining("\n", "", "\n")));
        String json = "{\n  \"machine\": {" + machine.entrySet().stream()
                .map(e -> json(e.getKey()) + ": " + json(e.getValue())).collect(Collectors.joining(", ")) + "},\n"
                + "  \"results\": [\n" + rows.stream().map(r -> "    {\"scenario\": " + json(r.scenario) + ", \"figure\": "
                + json(r.figure) + ", \"value\": " + number(r.value) + ", \"unit\": " + json(r.unit) + ", \"floorRatio\": "
                + (r.floorRatio == null ? "null" : String.format(Locale.ROOT, "%.3f", r.floorRatio)) + ", \"target\": "
                + (r.target == null ? "null" : json(r.target)) + ", \"met\": " + r.met + "}").collect(Collectors.joining(",\n"))
                + "\n  ]\n}\n";
        Files.writeString(dir.resolve("results.json"), json);
        Files.writeString(dir.resolve("results.md"), machineLine() + "\n\n" + markdown());
    }

    String machineLine() {
        return "Machine: " + machine.get("cpu") + ", " + machine.get("nproc") + " CPUs, " + machine.get("ram") + " RAM; "
                + "load average before the run " + machine.get("loadBefore") + ", after " + machine.get("loadAfter")
                + "; " + machine.get("date");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "never"; // a percentile over deliveries that never arrived
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
