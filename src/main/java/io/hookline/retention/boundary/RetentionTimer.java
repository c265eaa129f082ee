package io.hookline.retention.boundary;

import io.hookline.retention.control.Retention;
import io.hookline.retention.control.RetentionSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Starts the retention job on the configured schedule ({@code hookline.retention.schedule}). A programmatic timer,
 * because {@code @Schedule} cannot read configuration; not persistent: every instance has one, and the run's unique
 * slot lets one of them run it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionTimer {

    @Resource
    TimerService timers;

    @Inject
    RetentionSettings settings;

    @Inject
    Retention retention;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(settings.schedule(), new TimerConfig("hookline-retention", false));
    }

    @Timeout
    void run() {
        retention.startScheduled();
    }
}
