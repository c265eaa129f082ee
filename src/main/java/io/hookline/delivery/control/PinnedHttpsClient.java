package io.hookline.delivery.control;

import io.hookline.endpoint.control.SafeTarget;
import io.hookline.endpoint.control.TargetUrl;
import io.hookline.platform.SafeText;
import io.hookline.platform.Time;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The HTTPS transport of deliveries. It connects its own socket to an address the target check approved (the JDK's
 * HttpClient would resolve the name again: a DNS rebinding window), speaks TLS with SNI and hostname verification
 * for the URL's host, writes one HTTP/1.1 POST and reads the answer within hard limits: the connection within the
 * connect timeout, everything after it within the request timeout (a watchdog closes the socket at that moment,
 * whatever the receiver is doing), headers and body within {@link HttpResponseReader}'s caps. A connection whose
 * 2xx response ended cleanly within those limits is kept in the {@link ConnectionPool} for the next request to the
 * same checked address; anything else closes it. Never throws: every outcome is a {@link CallResult} to record.
 */
final class PinnedHttpsClient {

    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding");
    /** RFC 9110's token, which a header name must be; compiled once, as it is checked on every request. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final SSLSocketFactory tls;
    private final Optional<InetSocketAddress> proxy;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ScheduledExecutorService watchdog;
    private final ConnectionPool pool;

    PinnedHttpsClient(SSLSocketFactory tls, Optional<InetSocketAddress> proxy, Duration connectTimeout,
                      Duration requestTimeout, ScheduledExecutorService watchdog, ConnectionPool pool) {
        this.tls = tls;
        this.proxy = proxy;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.watchdog = watchdog;
        this.pool = pool;
    }

    CallResult post(SafeTarget target, Map<String, String> headers, String body) {
        OffsetDateTime startedAt = Time.now();
        long start = System.nanoTime();
        Exchange exchange = new Exchange(target, pool.enabled());
        try {
            byte[] request = request(target.url(), headers, body);
            HttpResponseReader.Response response;
            try {
                response = exchange.run(request);
            } catch (IOException failure) {
                if (!exchange.stale(failure)) {
                    throw failure;
                }
                // A kept-alive connection the receiver had closed meanwhile (its idle timeout, a restart) failed before
                // any byte of an answer: send once more on a fresh connection. The receiver may have read the first
                // copy all the same; receivers dedupe on the event id, so this stays within at-least-once delivery.
                exchange.finish();
                exchange = new Exchange(target, false);
                response = exchange.run(request);
            }
            return CallResult.of(startedAt, elapsedMillis(start), response);
        } catch (IOException | RuntimeException failure) {
            return CallResult.error(startedAt, elapsedMillis(start), exchange.explain(failure, target.url()));
        } finally {
            exchange.finish();
        }
    }

    /** One request on one connection and what stage it reached, so a failure can say where it happened. */
    private final class Exchange {

        private final SafeTarget target;
        private final boolean mayReuse;
        /** Set by whichever comes first: the watchdog (which then closes the socket) or the end of the exchange. */
        private final AtomicBoolean over = new AtomicBoolean();
        private Socket tcp;
        private ConnectionPool.Connection connection;
        private HttpResponseReader.Response response;
        private ScheduledFuture<?> guard;
        private long deadline;
        private String stage = "connecting";

        Exchange(SafeTarget target, boolean mayReuse) {
            this.target = target;
            this.mayReuse = mayReuse;
        }

        HttpResponseReader.Response run(byte[] request) throws IOException {
            connection = mayReuse ? borrow(target).orElse(null) : null;
            tcp = connection != null ? connection.tcp : connect(target);
            deadline = System.nanoTime() + requestTimeout.toNanos();
            Socket connected = tcp;
            guard = watchdog.schedule(() -> {
                if (over.compareAndSet(false, true)) {
                    closeQuietly(connected);
                }
            }, requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (connection == null) {
                stage = "in the TLS handshake";
                connection = new ConnectionPool.Connection(key(target, tcp), tcp, handshake(tcp, target.url(), deadline));
            }
            connection.deadlined.start(deadline);
            stage = "sending the request";
            OutputStream out = connection.socket.getOutputStream();
            out.write(request);
            out.flush();
            stage = "waiting for the response";
            response = HttpResponseReader.read(connection.in);
            return response;
        }

        /** A reused connection that broke before any byte of the response arrived, and not by the deadline. */
        boolean stale(IOException failure) {
            return connection != null && connection.reused && !connection.deadlined.received()
                    && !(failure instanceof SocketTimeoutException) && !over.get() && System.nanoTime() - deadline < 0;
        }

        String explain(Exception failure, TargetUrl url) {
            String detail = SafeText.oneLine(failure.getMessage(), 300);
            if (failure instanceof ReceiverFault) {
                return detail;
            }
            // after the connect every read waits only until the deadline, so a read timeout means the deadline too
            if (deadline != 0 && (failure instanceof SocketTimeoutException || System.nanoTime() - deadline >= 0)) {
                return "Timed out " + stage + ": no complete response within the request timeout of " + requestTimeout + ".";
            }
            if (failure instanceof SocketTimeoutException && deadline == 0) {
                return "Timed out connecting to " + url.hostHeader() + " (connect timeout " + connectTimeout + ").";
            }
            if (failure instanceof SSLHandshakeException && causedBy(failure, CertificateException.class)) {
                return "TLS certificate of " + url.host() + " refused (not trusted, expired or not for this host): " + detail;
            }
            return failure.getClass().getSimpleName() + " " + stage + ": " + detail;
        }

        /** Returns the connection to the pool if the exchange ended cleanly and in time, else closes it. */
        void finish() {
            boolean inTime = over.compareAndSet(false, true); // from here on the watchdog leaves the socket alone
            if (guard != null) {
                guard.cancel(false);
            }
            if (inTime && connection != null && reusable()) {
                pool.release(connection);
            } else if (connection != null) {
                connection.close();
            } else {
                closeQuietly(tcp);
            }
            connection = null;
            tcp = null;
        }

        private boolean reusable() {
            try {
                return response != null && response.complete() && !response.truncated() && response.head().persistent()
                        && response.head().status() / 100 == 2 && connection.in.available() == 0
                        && System.nanoTime() - deadline < 0;
            } catch (IOException broken) {
                return false;
            }
        }
    }

    /** An idle connection to one of the addresses the check just approved (through a proxy: the one it tunnels to). */
    private Optional<ConnectionPool.Connection> borrow(SafeTarget target) {
        List<InetAddress> addresses = proxy.isPresent() ? target.addresses().subList(0, 1) : target.addresses();
        for (InetAddress address : addresses) {
            Optional<ConnectionPool.Connection> idle = pool.borrow(key(target.url(), address));
            if (idle.isPresent()) {
                return idle;
            }
        }
        return Optional.empty();
    }

    private ConnectionPool.Key key(SafeTarget target, Socket connected) {
        return key(target.url(), proxy.isPresent() ? target.addresses().get(0) : connected.getInetAddress());
    }

    private ConnectionPool.Key key(TargetUrl url, InetAddress address) {
        return new ConnectionPool.Key(address, url.port(), url.host(), proxy);
    }

    private Socket connect(SafeTarget target) throws IOException {
        long connectDeadline = System.nanoTime() + connectTimeout.toNanos();
        int port = target.url().port();
        if (proxy.isPresent()) {
            Socket socket = open(new InetSocketAddress(proxy.get().getHostString(), proxy.get().getPort()), connectDeadline);
            tunnel(socket, target.addresses().get(0), port);
            return socket;
        }
        IOException last = new SocketTimeoutException("connect timed out");
        for (InetAddress address : target.addresses()) {
            try {
                return open(new InetSocketAddress(address, port), connectDeadline);
            } catch (IOException failed) {
                last = failed;
            }
        }
        throw last;
    }

    private static Socket open(InetSocketAddress address, long connectDeadline) throws IOException {
        int millis = remainingMillis(connectDeadline);
        if (millis <= 0) {
            throw new SocketTimeoutException("connect timed out");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, millis);
            return socket;
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
    }

    /** An HTTP CONNECT through the egress proxy, to the checked address (the proxy must not resolve the name again). */
    private void tunnel(Socket socket, InetAddress address, int port) throws IOException {
        String authority = (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
        socket.setSoTimeout((int) connectTimeout.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int status = HttpResponseReader.head(socket.getInputStream()).status();
        if (status / 100 != 2) {
            throw new IOException("the egress proxy refused to connect to " + authority + " (HTTP " + status + ")");
        }
    }

    /** Layered with the URL's host and port, so JSSE's client session cache can resume the TLS session next time. */
    private SSLSocket handshake(Socket socket, TargetUrl url, long deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, url.host(), url.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must be for the URL's host
        if (url.literal().isEmpty()) {
            parameters.setServerNames(List.of(new SNIHostName(url.host())));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(Math.max(1, remainingMillis(deadline)));
        ssl.startHandshake();
        return ssl;
    }

    private byte[] request(TargetUrl url, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(512)
                .append("POST ").append(url.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.hostHeader()).append("\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n")
                .append(pool.enabled() ? "" : "Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("header " + SafeText.oneLine(name, 100) + " cannot be sent as given");
            }
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    static int remainingMillis(long deadline) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }
}
