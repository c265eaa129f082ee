package io.hookline.replay.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplaySettingsTest {

    @Test
    void theRateSetsTheSpacingAndAboutOneSecondPerChunk() {
        assertEquals(Duration.ofMillis(100), settings(10).interval());
        assertEquals(10, settings(10).chunkSize());
        assertEquals(Duration.ofSeconds(2), settings(0.5).interval());
        assertEquals(1, settings(0.5).chunkSize());
        assertEquals(100, settings(5000).chunkSize(), "chunks stay small");
    }

    @Test
    void theRateMustBePositive() {
        assertThrows(IllegalStateException.class, () -> settings(0));
    }

    private static ReplaySettings settings(double rate) {
        ReplaySettings settings = new ReplaySettings();
        settings.ratePerSecond = rate;
        settings.lease = Duration.ofSeconds(30);
        settings.check();
        return settings;
    }
}
