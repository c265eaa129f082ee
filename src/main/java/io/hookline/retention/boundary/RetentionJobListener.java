package io.hookline.retention.boundary;

import io.hookline.platform.JobEndListener;
import io.hookline.retention.control.Retention;
import io.hookline.retention.control.RetentionRuns;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Closes the run's record when the retention job ends, and logs what it removed. */
@Named
@Dependent
public class RetentionJobListener extends JobEndListener {

    @Inject
    RetentionRuns runs;

    @Override
    protected void ended(String failure) {
        runs.close(property(Retention.RUN_ID), failure);
    }
}
