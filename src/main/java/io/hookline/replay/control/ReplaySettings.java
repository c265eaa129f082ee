package io.hookline.replay.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The replay knobs, from MicroProfile Config. */
@ApplicationScoped
public class ReplaySettings {

    private static final int MAX_CHUNK = 100;

    /** Deliveries per second a replay sends to its endpoint (one replay runs per endpoint at a time). */
    @Inject
    @ConfigProperty(name = "hookline.replay.rate-per-second", defaultValue = "10")
    double ratePerSecond;

    /** How long a job execution may go without a sign of life before another instance takes its replay over. */
    @Inject
    @ConfigProperty(name = "hookline.replay.lease", defaultValue = "PT30S")
    Duration lease;

    @PostConstruct
    void check() {
        if (!(ratePerSecond > 0)) {
            throw new IllegalStateException("hookline.replay.rate-per-second must be positive, not " + ratePerSecond);
        }
    }

    /** The spacing of a replay's deliveries. */
    public Duration interval() {
        return Duration.ofNanos(Math.round(1_000_000_000 / ratePerSecond));
    }

    /** About one second of sending per chunk, so the reader paces itself chunk by chunk. */
    public int chunkSize() {
        return (int) Math.max(1, Math.min(MAX_CHUNK, Math.ceil(ratePerSecond)));
    }

    public Duration lease() {
        return lease;
    }
}
