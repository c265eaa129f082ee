package io.hookline.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Once a second, Hookline's RSS; on close, the per-second arrivals of the whole run. Scenarios mark their stretch of
 * the timeline with {@link #begin} and {@link #end} for the chart, and the database's WAL activity meanwhile is printed.
 */
final class Sampler implements AutoCloseable {

    private final Receiver receiver;
    private final long pid;
    private final Report report;
    private final Store store;
    private final Map<Integer, Long> rss = new ConcurrentHashMap<>();
    private final Thread thread;
    private String band;
    private int bandFrom;
    private Wal walFrom;
    volatile long peakRssMiB;
    volatile long steadyRssMiB;

    Sampler(Receiver receiver, long pid, Report report, Store store) {
        this.receiver = receiver;
        this.pid = pid;
        this.report = report;
        this.store = store;
        thread = new Thread(this::sample, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long mib = Machine.rssMiB(pid);
            rss.put(second(), mib);
            peakRssMiB = Math.max(peakRssMiB, mib);
            Receiver.pause(1000);
        }
    }

    /** Takes the current RSS as the steady-state figure. */
    void steady() {
        steadyRssMiB = Machine.rssMiB(pid);
    }

    void begin(String name) {
        band = name;
        bandFrom = second();
        walFrom = store.wal();
        System.out.println("== " + name);
    }

    void end() {
        report.bands.add(new Report.Band(band, bandFrom, second()));
        System.out.println(store.wal().since(walFrom).describe());
    }

    int second() {
        return (int) ((System.currentTimeMillis() - receiver.startMillis()) / 1000);
    }

    @Override
    public void close() {
        thread.interrupt();
        long last = 0;
        for (int s = 0; s < second(); s++) {
            last = rss.getOrDefault(s, last);
            report.timeline.add(new Report.Second(s, receiver.hooklineInSecond(s), receiver.floorInSecond(s), last));
        }
    }
}
