package io.hookline.replay.boundary;

import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.ReplayRun;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records how a replay's execution ended. As a step listener it keeps the step's exception (the job context has
 * none); as a job listener it writes COMPLETED, STOPPED or FAILED with that error to the replay row.
 */
@Named
@Dependent
public class ReplayJobListener extends AbstractJobListener implements StepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ReplayRun run;

    @Override
    public void beforeStep() {
        // nothing to prepare
    }

    @Override
    public void afterStep() {
        if (step.getException() != null) {
            job.setTransientUserData(String.valueOf(step.getException()));
        }
    }

    @Override
    public void afterJob() {
        String failure = null;
        if (job.getBatchStatus() == BatchStatus.FAILED || job.getTransientUserData() != null) {
            failure = job.getTransientUserData() == null ? "The job failed; see the server log." : (String) job.getTransientUserData();
        }
        run.finish(job.getProperties().getProperty(ReplayJobs.REPLAY_ID), job.getProperties().getProperty(ReplayJobs.OWNER), failure);
    }
}
