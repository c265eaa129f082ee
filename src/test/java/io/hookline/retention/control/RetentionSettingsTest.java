package io.hookline.retention.control;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetentionSettingsTest {

    @Test
    void cronStyleScheduleBecomesAnEjbCalendarInUtc() {
        ScheduleExpression nightly = RetentionSettings.schedule(" 30  3 * * * ");

        assertEquals("0", nightly.getSecond());
        assertEquals("30", nightly.getMinute());
        assertEquals("3", nightly.getHour());
        assertEquals("*", nightly.getDayOfMonth());
        assertEquals("*", nightly.getMonth());
        assertEquals("*", nightly.getDayOfWeek());
        assertEquals("UTC", nightly.getTimezone());
        assertEquals("Sun", RetentionSettings.schedule("0 */6 * * Sun").getDayOfWeek());
    }

    @Test
    void scheduleNeedsFiveFields() {
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.schedule("03:30"));
        assertThrows(IllegalArgumentException.class, () -> RetentionSettings.schedule("0 30 3 * * *"));
    }
}
