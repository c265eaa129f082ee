package io.hookline.platform;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;

/**
 * Base of the listeners that record how a batch job ended in the application's own tables. Registered on the job
 * and on its steps: as a step listener it keeps a failed step's exception (the job context has none), as a job
 * listener it hands over the failure, or null when the job did not fail.
 */
public abstract class JobEndListener extends AbstractJobListener implements StepListener {

    @Inject
    protected JobContext job;

    @Inject
    StepContext step;

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
        Object failure = job.getTransientUserData();
        if (failure == null && job.getBatchStatus() == BatchStatus.FAILED) {
            failure = "The job failed; see the server log.";
        }
        ended(failure == null ? null : failure.toString());
    }

    /** A job property, such as one the job XML took from the job parameters. */
    protected String property(String name) {
        return job.getProperties().getProperty(name);
    }

    protected abstract void ended(String failure);
}
