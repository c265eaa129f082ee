package io.hookline.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What one POST came to: a status code and response excerpt, or the error that prevented a response.
 * Only a 2xx without an error counts as success; a redirect is a failure, since following it could lead anywhere, and
 * so is a 2xx whose body went on past the read limit.
 */
public record CallResult(OffsetDateTime startedAt, long durationMs, Integer statusCode, String responseExcerpt,
                         String error, Optional<Duration> retryAfter) {

    public static CallResult response(OffsetDateTime startedAt, long durationMs, int statusCode, String excerpt,
                                      Optional<Duration> retryAfter) {
        String error = statusCode / 100 == 2 ? null : "HTTP " + statusCode;
        return new CallResult(startedAt, durationMs, statusCode, excerpt, error, retryAfter);
    }

    public static CallResult error(OffsetDateTime startedAt, long durationMs, String error) {
        return new CallResult(startedAt, durationMs, null, null, error, Optional.empty());
    }

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2 && error == null;
    }
}
