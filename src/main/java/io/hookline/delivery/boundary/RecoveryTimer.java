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

/**
 * Every second, starts a recovery sweep (each step brings its own transaction). Not persistent: every instance
 * sweeps, and the delivery leases keep instances from doing the same work twice. A slow sweep is not stacked.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryTimer {

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    Recovery recovery;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (running.compareAndSet(false, true)) {
            try {
                recovery.sweep();
            } finally {
                running.set(false);
            }
        }
    }
}
