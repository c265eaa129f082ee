package io.hookline.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The delivery knobs, read once from MicroProfile Config (so {@code HOOKLINE_DELIVERY_RETRY_DELAYS} works too). */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "hookline.delivery.retry-delays", defaultValue = "PT30S,PT2M,PT10M,PT30M,PT2H,PT6H,PT12H")
    String retryDelaysText;

    @Inject
    @ConfigProperty(name = "hookline.delivery.connect-timeout", defaultValue = "PT10S")
    String connectTimeoutText;

    @Inject
    @ConfigProperty(name = "hookline.delivery.request-timeout", defaultValue = "PT30S")
    String requestTimeoutText;

    /** How long an idle keep-alive connection to a receiver is kept for the next delivery; PT0S: none are kept. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.keep-alive", defaultValue = "PT30S")
    String keepAliveText;

    @Inject
    @ConfigProperty(name = "hookline.delivery.max-retry-after", defaultValue = "PT1H")
    String maxRetryAfterText;

    /** How long a delivery handed to JMS may wait for a worker before the timer assumes the message was lost. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.dispatch-lease", defaultValue = "PT30S")
    String dispatchLeaseText;

    /** How old a pending outbox event must be before the timer takes over from the post-commit message. */
    @Inject
    @ConfigProperty(name = "hookline.outbox.recovery-after", defaultValue = "PT10S")
    String outboxRecoveryAfterText;

    /** Whether a fan-out's commit also waits for PostgreSQL to flush it; see {@link FanOut#dispatchAll}. */
    @Inject
    @ConfigProperty(name = "hookline.outbox.durable-fan-out", defaultValue = "false")
    boolean durableFanOut;

    @Inject
    @ConfigProperty(name = "hookline.endpoint.auto-disable-after", defaultValue = "15")
    int autoDisableAfter;

    private List<Duration> retryDelays;
    private Duration connectTimeout;
    private Duration requestTimeout;
    private Duration keepAlive;
    private Duration maxRetryAfter;
    private Duration dispatchLease;
    private Duration outboxRecoveryAfter;

    @PostConstruct
    void parse() {
        retryDelays = Arrays.stream(retryDelaysText.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(text -> duration("hookline.delivery.retry-delays", text)).toList();
        connectTimeout = duration("hookline.delivery.connect-timeout", connectTimeoutText);
        requestTimeout = duration("hookline.delivery.request-timeout", requestTimeoutText);
        keepAlive = duration("hookline.delivery.keep-alive", keepAliveText);
        maxRetryAfter = duration("hookline.delivery.max-retry-after", maxRetryAfterText);
        dispatchLease = duration("hookline.delivery.dispatch-lease", dispatchLeaseText);
        outboxRecoveryAfter = duration("hookline.outbox.recovery-after", outboxRecoveryAfterText);
        if (autoDisableAfter < 1) {
            throw new IllegalStateException("hookline.endpoint.auto-disable-after must be at least 1");
        }
    }

    private static Duration duration(String name, String text) {
        try {
            Duration value = Duration.parse(text.trim());
            if (value.isNegative()) {
                throw new IllegalStateException(name + " must not be negative: " + text);
            }
            return value;
        } catch (DateTimeParseException bad) {
            throw new IllegalStateException(name + " must be ISO-8601 durations such as PT30S, not '" + text + "'", bad);
        }
    }

    public List<Duration> retryDelays() {
        return retryDelays;
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration keepAlive() {
        return keepAlive;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Duration dispatchLease() {
        return dispatchLease;
    }

    /**
     * The lease of a hand-over: the wait for a worker and then a whole attempt, so that a worker that gets the
     * message in time may attempt without a claim of its own (see {@link DeliveryPreparation#prepareLeased}).
     */
    public Duration handOverLease() {
        return dispatchLease.plus(attemptLease());
    }

    /** Long enough that a worker is always cut off by its own timeouts before anyone else may take over. */
    public Duration attemptLease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }

    public Duration outboxRecoveryAfter() {
        return outboxRecoveryAfter;
    }

    public boolean durableFanOut() {
        return durableFanOut;
    }

    public int autoDisableAfter() {
        return autoDisableAfter;
    }
}
