package io.hookline.retention.boundary;

import io.hookline.retention.control.Retention;
import io.hookline.retention.control.RetentionCandidate;
import io.hookline.retention.control.RetentionTarget;
import io.hookline.retention.control.RetentionWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the rows of one retention step one chunk at a time, oldest first, each page after the previous chunk's
 * removals committed; it continues from the age of the last row read. A short page is the last one.
 */
@Named
@Dependent
public class RetentionReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String target;

    @Inject
    RetentionWork work;

    private final Deque<RetentionCandidate> page = new ArrayDeque<>();
    private RetentionCandidate last;
    private boolean exhausted;

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<RetentionCandidate> next = work.candidates(RetentionTarget.valueOf(target),
                    job.getProperties().getProperty(Retention.RUN_ID), last == null ? null : last.at());
            page.addAll(next);
            exhausted = next.size() < RetentionWork.CHUNK;
            last = next.isEmpty() ? last : next.get(next.size() - 1);
        }
        return page.poll();
    }
}
