package io.hookline.delivery.control;

import io.hookline.platform.SafeText;

import java.nio.charset.StandardCharsets;
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

    static final int EXCERPT_BYTES = 4096;

    public static CallResult response(OffsetDateTime startedAt, long durationMs, int statusCode, String excerpt,
                                      Optional<Duration> retryAfter) {
        String error = statusCode / 100 == 2 ? null : "HTTP " + statusCode;
        return new CallResult(startedAt, durationMs, statusCode, excerpt, error, retryAfter);
    }

    /** A response read within the limits: redirects and overlong bodies are failures that say so. */
    static CallResult of(OffsetDateTime startedAt, long millis, HttpResponseReader.Response response) {
        int status = response.head().status();
        byte[] body = response.body();
        String excerpt = new String(body, 0, Math.min(body.length, EXCERPT_BYTES), StandardCharsets.UTF_8);
        if (response.truncated()) {
            return new CallResult(startedAt, millis, status, excerpt, "HTTP " + status + " with a response body over "
                    + HttpResponseReader.BODY_LIMIT / 1024 + " KiB: cut off (a receiver should answer briefly)", Optional.empty());
        }
        if (status / 100 == 3) {
            String location = SafeText.oneLine(Optional.ofNullable(response.head().header("location")).orElse("(none)"), 500);
            return new CallResult(startedAt, millis, status, excerpt,
                    "HTTP " + status + " redirect to " + location + " (redirects are not followed)", Optional.empty());
        }
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? Optional.ofNullable(response.head().header("retry-after")).flatMap(WebhookClient::parseRetryAfter)
                : Optional.empty();
        return response(startedAt, millis, status, excerpt, retryAfter);
    }

    public static CallResult error(OffsetDateTime startedAt, long durationMs, String error) {
        return new CallResult(startedAt, durationMs, null, null, error, Optional.empty());
    }

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2 && error == null;
    }
}
