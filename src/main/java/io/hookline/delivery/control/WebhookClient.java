package io.hookline.delivery.control;

import io.hookline.endpoint.control.SafeTarget;
import io.hookline.endpoint.control.TargetPolicy;
import io.hookline.endpoint.control.UnsafeTargetException;
import io.hookline.platform.Time;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Logger;

/**
 * Sends one signed POST and reports what happened, never throwing: every outcome is something to record.
 * The target is checked again right before connecting, and the connection goes to the addresses that check approved
 * ({@link PinnedHttpsClient}); redirects are not followed. {@code hookline.delivery.trust-store} adds trusted
 * certificates (an internal CA, a test receiver); {@code hookline.delivery.proxy} routes through an egress proxy.
 * Idle connections are kept for {@code hookline.delivery.keep-alive}: per target, as many as attempts may run at once
 * on this instance, since several endpoints often share a host (a tenant's gateway, a receiving service) and every
 * connection closed for want of room costs the next attempt a TLS handshake; {@value #IDLE_TOTAL} in all.
 */
@ApplicationScoped
public class WebhookClient {

    private static final Logger LOG = Logger.getLogger(WebhookClient.class.getName());
    static final int IDLE_TOTAL = 256;

    @Inject
    DeliverySettings settings;

    @Inject
    TargetPolicy targets;

    @Inject
    ConcurrencyLimits limits;

    @Inject
    @ConfigProperty(name = "hookline.delivery.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "hookline.delivery.trust-store-password", defaultValue = "changeit")
    String trustStorePassword;

    /** {@code host:port} (or {@code http://host:port}) of an HTTP CONNECT proxy all deliveries go through. */
    @Inject
    @ConfigProperty(name = "hookline.delivery.proxy")
    Optional<String> proxyText;

    @Resource
    ManagedThreadFactory threads;

    /** Closes sockets at their deadline; a plain pool on a managed thread, since the task needs no request context. */
    private ScheduledThreadPoolExecutor watchdog;
    private ConnectionPool pool;
    private PinnedHttpsClient transport;

    @PostConstruct
    void open() {
        SSLSocketFactory tls = trustStore.map(path -> trusting(Path.of(path), trustStorePassword).getSocketFactory())
                .orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());
        Optional<InetSocketAddress> proxy = proxyText.filter(text -> !text.isBlank()).map(WebhookClient::proxy);
        proxy.ifPresent(address -> LOG.info("Webhooks go through the egress proxy " + address.getHostString() + ":" + address.getPort()));
        watchdog = new ScheduledThreadPoolExecutor(1, threads);
        watchdog.setRemoveOnCancelPolicy(true); // most deadlines are cancelled long before they are due
        pool = new ConnectionPool(settings.keepAlive(), limits.maxConcurrent(), IDLE_TOTAL);
        transport = new PinnedHttpsClient(tls, proxy, settings.connectTimeout(), settings.requestTimeout(), watchdog, pool);
    }

    @PreDestroy
    void close() {
        watchdog.shutdownNow();
        pool.close();
    }

    public CallResult post(WebhookRequest request) {
        OffsetDateTime startedAt = Time.now();
        SafeTarget target;
        try {
            target = targets.resolveSafe(request.uri().toString());
        } catch (UnsafeTargetException unsafe) {
            return CallResult.error(startedAt, 0, "Not sent: " + unsafe.getMessage());
        }
        return transport.post(target, request.headers(), request.body());
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

    private static InetSocketAddress proxy(String text) {
        URI uri = URI.create(text.contains("://") ? text.trim() : "http://" + text.trim());
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalStateException("hookline.delivery.proxy must be host:port of an HTTP CONNECT proxy, not '" + text + "'");
        }
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
    }

    static SSLContext trusting(Path path, String password) {
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
