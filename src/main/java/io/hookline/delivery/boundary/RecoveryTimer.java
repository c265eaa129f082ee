package io.hookline.delivery.boundary;

import io.hookline.delivery.control.Recovery;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, starts a recovery sweep (each step brings its own transaction). Not persistent: every instance
 * sweeps, and the delivery leases keep instances from doing the same work twice. Ticks that come while a sweep still
 * runs (it drains a backlog for up to half a minute) are skipped, not stacked.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "PipelineStartup"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryTimer {

    private static final Logger LOG = Logger.getLogger(RecoveryTimer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    Recovery recovery;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (running.compareAndSet(false, true)) {
            try {
                recovery.sweep();
            } catch (RuntimeException failure) {
                // thrown out of here, it would make the container retry and delay this timer; the next second retries
                LOG.log(Level.WARNING, "Recovery sweep failed", failure);
            } finally {
                running.set(false);
            }
        }
    }
}
