package io.hookline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, from /proc: they mean little without it. */
final class Machine {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
    static final long MILLIS_PER_TICK = 10;

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue("/proc/cpuinfo", "model name"));
        machine.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
        String memKb = firstValue("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        machine.put("ram", memKb.isEmpty() ? "?" : Math.round(Long.parseLong(memKb) / 1024.0 / 1024.0) + " GiB");
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadBefore", loadAverage());
        machine.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("mode", Boolean.getBoolean("bench.quick") ? "quick" : "full");
        return machine;
    }

    /** The 1-minute load average: other work on the machine shows here. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException unavailable) {
            return "?";
        }
    }

    /** Resident set size of a process in MiB, or -1 once it is gone. */
    static long rssMiB(long pid) {
        String kb = firstValue("/proc/" + pid + "/status", "VmRSS").replace("kB", "").trim();
        return kb.isEmpty() ? -1 : Long.parseLong(kb) / 1024;
    }

    /**
     * CPU time a process has used so far (user and system, in clock ticks of 10 ms), or 0 once it is gone. Read
     * from /proc/[pid]/stat, whose fields after the parenthesised name start with the state (field 3); utime and
     * stime are fields 14 and 15.
     */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String firstValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException unavailable) {
            return "";
        }
        return "";
    }
}
