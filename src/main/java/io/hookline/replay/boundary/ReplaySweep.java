package io.hookline.replay.boundary;

import io.hookline.replay.control.ReplayJobs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every five seconds, on every instance, resumes replays whose job execution died with its instance (or stopped
 * renewing its lease); the row lock in the take-over lets one instance win. After a restart this is also what picks
 * up the replays that were running before.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplaySweep {

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    ReplayJobs jobs;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void resume() {
        if (running.compareAndSet(false, true)) {
            try {
                jobs.resumeAbandoned();
            } finally {
                running.set(false);
            }
        }
    }
}
