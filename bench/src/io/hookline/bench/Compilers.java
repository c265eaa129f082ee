package io.hookline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Warm-ups that last until a server's JIT compilers have caught up. Hookline runs on the JVM's default compilers, as
 * in production; on two shared cores C2 goes on compiling for minutes, and a scenario measured meanwhile counts the
 * compilers' CPU as Hookline's (one endpoint right after a fixed 30 s warm-up, JFR on: 4.7 ms of CPU per delivery;
 * 1.3 ms in a full run, where the CRM write's three minutes came first).
 */
final class Compilers {

    private static final Duration STEP = Duration.ofSeconds(5);
    /** Caught up: the compilers spent less than this share of a step compiling. */
    private static final double SETTLED = 0.10;
    private static final String JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();

    private Compilers() {
    }

    /**
     * Runs {@code load} for {@code minimum}, then in steps of 5 s for as long as the JVM of {@code pid} spent more
     * than a tenth of the time since the last sample compiling, up to {@code maximum} of load in all.
     */
    static void warm(String what, long pid, Duration minimum, Duration maximum, Consumer<Duration> load) {
        load.accept(minimum);
        Duration elapsed = minimum;
        double before = compileSeconds(pid);
        long sampled = System.nanoTime();
        double compiling = Double.NaN;
        while (elapsed.compareTo(maximum) < 0) {
            load.accept(STEP);
            elapsed = elapsed.plus(STEP);
            double after = compileSeconds(pid);
            long now = System.nanoTime();
            // over the time between the two samples, which includes the jstat call's own second or so
            compiling = (after - before) / ((now - sampled) / 1e9);
            before = after;
            sampled = now;
            if (!(compiling > SETTLED)) { // NaN too: jstat cannot tell, so do not wait for it
                break;
            }
        }
        System.out.printf("%s: warmed up for %d s; compiling %.0f%% of the last %d s%n", what, elapsed.toSeconds(),
                compiling * 100, STEP.toSeconds());
    }

    /** The JVM's time spent compiling so far (jstat's "Time" column), in seconds; NaN if jstat cannot say. */
    private static double compileSeconds(long pid) {
        try {
            Process jstat = new ProcessBuilder(List.of(JSTAT, "-compiler", String.valueOf(pid)))
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                List<String> output = lines.lines().toList();
                jstat.waitFor();
                String[] header = output.get(0).trim().split("\\s+");
                String[] values = output.get(1).trim().split("\\s+");
                return Double.parseDouble(values[List.of(header).indexOf("Time")]);
            }
        } catch (IOException | RuntimeException failure) {
            return Double.NaN;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
