package io.hookline.replay.control;

import io.hookline.platform.BatchJobs;
import io.hookline.platform.Time;
import io.hookline.replay.entity.Replay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts job executions of replays: new ones, restarted ones, and those taken over from a dead execution. The batch
 * runtime's job repository is per instance and not where progress lives: every execution is a fresh start of
 * {@value #JOB} that resumes from the checkpoint in the replay row.
 * <p>
 * Never inside a caller's transaction: the replay row must be committed before its job runs, and the batch runtime
 * writes its job repository (a second non-XA data source) in the calling thread. The sweep's timer callback was seen
 * to carry a container transaction on Payara despite NOT_SUPPORTED, hence the suspension here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ReplayJobs {

    public static final String JOB = "hookline-replay";
    public static final String REPLAY_ID = "replayId";
    public static final String OWNER = "owner";
    public static final String CHUNK_SIZE = "chunkSize";
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class.getName());

    @Inject
    Replays replays;

    @Inject
    ReplaySettings settings;

    @Inject
    BatchJobs batchJobs;

    public Replay start(String tenantId, String endpointId, ReplayFilter filter) {
        return launch(replays.create(tenantId, endpointId, filter));
    }

    public Replay restart(String tenantId, String replayId) {
        return launch(replays.restart(tenantId, replayId));
    }

    /** Resumes, once across all instances, every replay whose execution died. */
    public void resumeAbandoned() {
        OffsetDateTime now = Time.now();
        for (String replayId : replays.abandoned(now)) {
            replays.takeOver(replayId, now).ifPresent(replay -> {
                LOG.info(() -> "Resuming replay " + replayId + " after " + replay.lastEventId() + ": its execution stopped renewing its lease");
                launch(replay);
            });
        }
    }

    private Replay launch(Replay replay) {
        Properties parameters = new Properties();
        parameters.setProperty(REPLAY_ID, replay.id());
        parameters.setProperty(OWNER, replay.owner());
        parameters.setProperty(CHUNK_SIZE, String.valueOf(settings.chunkSize()));
        try {
            batchJobs.start(JOB, parameters);
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Replay " + replay.id() + " did not start; it is resumed when its lease expires", failure);
        }
        return replay;
    }
}
