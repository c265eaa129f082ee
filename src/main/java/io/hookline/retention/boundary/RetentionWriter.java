package io.hookline.retention.boundary;

import io.hookline.retention.control.Retention;
import io.hookline.retention.control.RetentionCandidate;
import io.hookline.retention.control.RetentionTarget;
import io.hookline.retention.control.RetentionWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Removes one chunk of a retention step's rows and adds to the run's counts, in one transaction. */
@Named
@Dependent
public class RetentionWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String target;

    @Inject
    RetentionWork work;

    @Override
    public void writeItems(List<Object> items) {
        work.remove(RetentionTarget.valueOf(target), job.getProperties().getProperty(Retention.RUN_ID),
                items.stream().map(item -> ((RetentionCandidate) item).id()).toList());
    }
}
