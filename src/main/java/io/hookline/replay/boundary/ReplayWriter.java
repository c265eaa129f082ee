package io.hookline.replay.boundary;

import io.hookline.replay.control.ReplayCandidate;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.ReplayRun;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Resends one chunk of events, in one transaction with the replay's checkpoint (see {@link ReplayRun#write}). */
@Named
@Dependent
public class ReplayWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    ReplayRun run;

    @Override
    public void writeItems(List<Object> items) {
        run.write(job.getProperties().getProperty(ReplayJobs.REPLAY_ID), job.getProperties().getProperty(ReplayJobs.OWNER),
                items.stream().map(ReplayCandidate.class::cast).toList());
    }
}
