package io.hookline.bench;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time that one Hookline server spends, in its JVM and in the PostgreSQL processes serving its database's
 * sessions, summed over the windows between {@link #start} and {@link #stop}. Unlike response times, CPU time hardly
 * moves when other work on the machine takes turns on the cores.
 */
final class ServerCpu {

    private final long pid;
    private final String database;
    private final Store store;
    private Map<Long, Long> started = Map.of();
    private long millis;
    private long databaseMillis;

    ServerCpu(long pid, String database, Store store) {
        this.pid = pid;
        this.database = database;
        this.store = store;
    }

    void start() {
        started = ticks();
    }

    /** Adds the window since {@link #start}; a session opened meanwhile counts from its own start. */
    void stop() {
        ticks().forEach((process, now) -> {
            long spent = (now - started.getOrDefault(process, 0L)) * Machine.MILLIS_PER_TICK;
            millis += spent;
            if (process != pid) {
                databaseMillis += spent;
            }
        });
    }

    long millis() {
        return millis;
    }

    /** The part of {@link #millis} spent by the database's sessions. */
    long databaseMillis() {
        return databaseMillis;
    }

    private Map<Long, Long> ticks() {
        Map<Long, Long> ticks = new HashMap<>();
        ticks.put(pid, Machine.cpuTicks(pid));
        try {
            List<Long> backends = store.backends(database);
            backends.forEach(backend -> ticks.put(backend, Machine.cpuTicks(backend)));
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot list the sessions of " + database, failure);
        }
        return ticks;
    }
}
