package io.hookline.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failed attempt. Delays follow the configured schedule with up to 20% jitter either way,
 * so endpoints that failed together do not get retried in lock-step; a receiver's own Retry-After wins, capped.
 */
@ApplicationScoped
public class RetryPolicy {

    private static final double JITTER = 0.2;

    @Inject
    DeliverySettings settings;

    /** @return empty when {@code attemptNumber} was the last attempt allowed */
    public Optional<Duration> delayAfter(int attemptNumber, Optional<Duration> retryAfter) {
        if (attemptNumber >= settings.maxAttempts()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return Optional.of(asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked);
        }
        Duration base = settings.retryDelays().get(attemptNumber - 1);
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }
}
