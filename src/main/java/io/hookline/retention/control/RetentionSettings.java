package io.hookline.retention.control;

import jakarta.ejb.ScheduleExpression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** When retention runs and how old things must be before it removes them, from MicroProfile Config. */
@ApplicationScoped
public class RetentionSettings {

    /** Cron-style, in UTC: minute hour day-of-month month day-of-week (EJB calendar syntax in each field). */
    @Inject
    @ConfigProperty(name = "hookline.retention.schedule", defaultValue = "30 3 * * *")
    String schedule;

    @Inject
    @ConfigProperty(name = "hookline.retention.attempt-bodies-after", defaultValue = "P30D")
    Duration attemptBodiesAfter;

    @Inject
    @ConfigProperty(name = "hookline.retention.delete-after", defaultValue = "P30D")
    Duration deleteAfter;

    public ScheduleExpression schedule() {
        return schedule(schedule);
    }

    static ScheduleExpression schedule(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("hookline.retention.schedule must have five fields"
                    + " (minute hour day-of-month month day-of-week), not '" + cron + "'");
        }
        return new ScheduleExpression().second("0").minute(fields[0]).hour(fields[1]).dayOfMonth(fields[2])
                .month(fields[3]).dayOfWeek(fields[4]).timezone("UTC");
    }

    /** Attempts older than this lose their response excerpt. */
    public Duration attemptBodiesAfter() {
        return attemptBodiesAfter;
    }

    /** Finished deliveries (with their attempts), unreferenced events and finished replays older than this go. */
    public Duration deleteAfter() {
        return deleteAfter;
    }
}
