package io.hookline.delivery.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy();

    RetryPolicyTest() {
        policy.settings = settings("PT30S,PT2M,PT10M,PT30M,PT2H,PT6H,PT12H");
    }

    static DeliverySettings settings(String delays) {
        DeliverySettings settings = new DeliverySettings();
        settings.retryDelaysText = delays;
        settings.connectTimeoutText = "PT10S";
        settings.requestTimeoutText = "PT30S";
        settings.keepAliveText = "PT30S";
        settings.maxRetryAfterText = "PT1H";
        settings.dispatchLeaseText = "PT30S";
        settings.outboxRecoveryAfterText = "PT10S";
        settings.autoDisableAfter = 15;
        settings.parse();
        return settings;
    }

    @Test
    void defaultScheduleAllowsEightAttempts() {
        assertEquals(8, policy.settings.maxAttempts());
        for (int attempt = 1; attempt < 8; attempt++) {
            assertTrue(policy.delayAfter(attempt, Optional.empty()).isPresent(), "attempt " + attempt);
        }
        assertTrue(policy.delayAfter(8, Optional.empty()).isEmpty());
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        for (int i = 0; i < 1000; i++) {
            long millis = policy.delayAfter(2, Optional.empty()).orElseThrow().toMillis();
            assertTrue(millis >= 96_000 && millis <= 144_000, "two minutes +-20%: " + millis);
        }
    }

    @Test
    void retryAfterWinsButIsCapped() {
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, Optional.of(Duration.ofSeconds(5))).orElseThrow());
        assertEquals(Duration.ofHours(1), policy.delayAfter(1, Optional.of(Duration.ofDays(3))).orElseThrow());
        assertTrue(policy.delayAfter(8, Optional.of(Duration.ofSeconds(5))).isEmpty(), "never beyond the last attempt");
    }

    @Test
    void malformedDurationsAreRefusedWithTheirName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> settings("PT30S,soon"));
        assertTrue(refused.getMessage().contains("hookline.delivery.retry-delays"));
    }

    @Test
    void retryAfterHeaderParsesSecondsAndDates() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), WebhookClient.parseRetryAfter("120"));
        assertTrue(WebhookClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow().isZero(), "past dates mean now");
        assertTrue(WebhookClient.parseRetryAfter("tomorrow-ish").isEmpty());
    }
}
