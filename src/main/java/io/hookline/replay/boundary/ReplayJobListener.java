package io.hookline.replay.boundary;

import io.hookline.platform.JobEndListener;
import io.hookline.replay.control.ReplayJobs;
import io.hookline.replay.control.ReplayRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Writes how a replay's execution ended to the replay row: COMPLETED, STOPPED, or FAILED with the error. */
@Named
@Dependent
public class ReplayJobListener extends JobEndListener {

    @Inject
    ReplayRun run;

    @Override
    protected void ended(String failure) {
        run.finish(property(ReplayJobs.REPLAY_ID), property(ReplayJobs.OWNER), failure);
    }
}
