package io.hookline.retention.control;

import io.hookline.platform.BatchJobs;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts retention runs: the scheduled one, or one with given cut-offs. Never inside a caller's transaction (see
 * {@link io.hookline.replay.control.ReplayJobs} why).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Retention {

    public static final String JOB = "hookline-retention";
    public static final String RUN_ID = "runId";
    public static final String CHUNK_SIZE = "chunkSize";
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    RetentionRuns runs;

    @Inject
    RetentionSettings settings;

    @Inject
    BatchJobs batchJobs;

    /**
     * The scheduled run, named by the minute it is due: every instance's timer fires, the first to record the slot
     * runs it, the others find it taken.
     */
    public Optional<String> startScheduled() {
        OffsetDateTime now = Time.now();
        String slot = "scheduled " + now.truncatedTo(ChronoUnit.MINUTES);
        Optional<String> opened;
        try {
            opened = runs.open(slot, now.minus(settings.attemptBodiesAfter()), now.minus(settings.deleteAfter()));
        } catch (RuntimeException taken) {
            LOG.log(Level.FINE, "Retention slot taken concurrently", taken);
            opened = Optional.empty();
        }
        if (opened.isEmpty()) {
            LOG.info(() -> "Retention " + slot + " is run by another instance");
        }
        return opened.map(this::launch);
    }

    /** A run now with the given cut-offs; its id. */
    public String start(OffsetDateTime bodiesBefore, OffsetDateTime deleteBefore) {
        return launch(runs.open(null, bodiesBefore, deleteBefore).orElseThrow());
    }

    private String launch(String runId) {
        Properties parameters = new Properties();
        parameters.setProperty(RUN_ID, runId);
        parameters.setProperty(CHUNK_SIZE, String.valueOf(RetentionWork.CHUNK));
        batchJobs.start(JOB, parameters);
        LOG.info(() -> "Retention run " + runId + " started");
        return runId;
    }
}
