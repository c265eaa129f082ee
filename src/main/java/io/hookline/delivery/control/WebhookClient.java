package io.hookline.delivery.control;

import io.hookline.endpoint.control.TargetPolicy;
import io.hookline.endpoint.control.UnsafeTargetException;
import io.hookline.platform.Time;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends one signed POST and reports what happened, never throwing: every outcome is something to record.
 * Redirects are not followed, the target is checked again right before connecting, and only the first few KiB of a
 * response are read. {@code hookline.delivery.trust-store} adds trusted certificates (an internal CA, a test receiver).
 */
@ApplicationScoped
public class WebhookClient {

    static final int EXCERPT_BYTES = 4096;

    @Inject
    DeliverySettings settings;

    @Inject
    TargetPolicy targets;

    @Inject
    @ConfigProperty(name = "hookline.delivery.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "hookline.delivery.trust-store-password", defaultValue = "changeit")
    String trustStorePassword;

    private HttpClient http;

    @PostConstruct
    void open() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        trustStore.ifPresent(path -> builder.sslContext(trusting(Path.of(path), trustStorePassword)));
        http = builder.build();
    }

    public CallResult post(WebhookRequest request) {
        OffsetDateTime startedAt = Time.now();
        long start = System.nanoTime();
        try {
            targets.requireSafe(request.uri().toString());
        } catch (UnsafeTargetException unsafe) {
            return CallResult.error(startedAt, 0, "Not sent: " + unsafe.getMessage());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = excerpt(response.body());
            long millis = elapsedMillis(start);
            if (response.statusCode() / 100 == 3) {
                String location = response.headers().firstValue("Location").orElse("(none)");
                return new CallResult(startedAt, millis, response.statusCode(), excerpt,
                        "HTTP " + response.statusCode() + " redirect to " + location + " (redirects are not followed)", Optional.empty());
            }
            return CallResult.response(startedAt, millis, response.statusCode(), excerpt, retryAfter(response));
        } catch (HttpTimeoutException timeout) {
            return CallResult.error(startedAt, elapsedMillis(start), "Timed out: " + timeout.getMessage());
        } catch (IOException failure) {
            return CallResult.error(startedAt, elapsedMillis(start), failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CallResult.error(startedAt, elapsedMillis(start), "Interrupted while sending");
        }
    }

    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** Retry-After is a request from the receiver to slow down; only 429 and 503 carry that meaning. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(WebhookClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(Time.now(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static SSLContext trusting(Path path, String password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException failure) {
            throw new IllegalStateException("Cannot load hookline.delivery.trust-store " + path, failure);
        }
    }
}
