package io.hookline.platform;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import java.util.Properties;

/**
 * Starts Jakarta Batch jobs from an invocation of their own. The batch runtime looks up {@code UserTransaction} on the
 * job's thread, in the context it took from the thread that started the job. That context is not always fit for it:
 * Payara's {@code @Transactional} interceptor keeps the caller's transaction state in a field of the interceptor, which
 * every thread passing through the same application-scoped bean shares, so a thread can come away marked as a
 * container-managed EJB's (the timers' and the pipeline's threads are). A replay started from such a thread failed
 * with "Lookup of java:comp/UserTransaction not allowed for Container managed Transaction beans" (ReplayCrashIT, in
 * CI). A bean-managed EJB's invocation allows the lookup, whatever its caller carried.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchJobs {

    /** @return the new job execution's id */
    public long start(String job, Properties parameters) {
        return BatchRuntime.getJobOperator().start(job, parameters);
    }
}
