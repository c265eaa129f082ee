package io.hookline.replay.boundary;

import io.hookline.replay.control.ReplayCandidate;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.ReplayRun;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the replay's matching events one page (one chunk) at a time, after the checkpoint stored in the replay row,
 * waiting first while the throttle schedule is far enough ahead. An empty page (no more matches, a stop was asked,
 * or another execution took over) ends the step.
 */
@Named
@Dependent
public class ReplayReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    ReplayRun run;

    private final Deque<ReplayCandidate> page = new ArrayDeque<>();
    private ReplayCandidate last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        // the checkpoint lives in the replay row: every execution starts afresh and continues from there
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (page.isEmpty() && !exhausted) {
            String replayId = parameter(ReplayJobs.REPLAY_ID);
            String owner = parameter(ReplayJobs.OWNER);
            Duration wait = run.aheadOfSchedule(replayId, owner);
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            page.addAll(run.nextPage(replayId, owner, last, Integer.parseInt(parameter(ReplayJobs.CHUNK_SIZE))));
            exhausted = page.isEmpty();
            last = exhausted ? last : page.peekLast();
        }
        return page.poll();
    }

    /** A job parameter, which the job XML hands over as a job property. */
    private String parameter(String name) {
        return job.getProperties().getProperty(name);
    }
}
