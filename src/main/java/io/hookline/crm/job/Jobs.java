package io.hookline.crm.job;

import io.hookline.crm.CrmEvents;
import io.hookline.crm.TenantRecords;
import io.hookline.event.api.FieldChange;
import io.hookline.platform.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Job changes of one tenant, each published as an event in the transaction that makes it. */
@ApplicationScoped
@Transactional
public class Jobs {

    @Inject
    TenantRecords records;

    @Inject
    CrmEvents events;

    public Job create(String tenantId, JobRequest request, String actorId) {
        Job job = records.add(new Job(tenantId, request.name(), request.status(), request.contact(), request.claim(),
                request.ownerUserId(), Time.now()));
        events.fire("job.created", job, actorId);
        return job;
    }

    public Job find(String tenantId, String jobId) {
        return records.find(Job.class, tenantId, jobId);
    }

    public List<Job> newestFirst(String tenantId) {
        return records.newestFirst(Job.class, tenantId);
    }

    /** Only moves of the watched fields are news (seed 003); the event lists just those. */
    public Job update(String tenantId, String jobId, JobRequest patch, String actorId) {
        Job job = find(tenantId, jobId);
        List<FieldChange> watched = job.edit(patch.name(), patch.status(), patch.contact(), patch.claim(),
                        patch.ownerUserId(), Time.now())
                .stream().filter(change -> Job.WATCHED.contains(change.field())).toList();
        if (!watched.isEmpty()) {
            events.fire("job.updated", job, actorId, watched);
        }
        return job;
    }

    public Job complete(String tenantId, String jobId, String actorId) {
        Job job = find(tenantId, jobId);
        job.complete(Time.now());
        events.fire("job.completed", job, actorId);
        return job;
    }

    public void delete(String tenantId, String jobId, String actorId) {
        Job job = find(tenantId, jobId);
        records.remove(job);
        events.fire("job.deleted", job, actorId);
    }
}
