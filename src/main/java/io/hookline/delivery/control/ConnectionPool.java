package io.hookline.delivery.control;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Idle HTTP/1.1 keep-alive connections of {@link PinnedHttpsClient}, bounded per key and overall and closed after
 * {@code idleTimeout} (reaped lazily on borrow and release: no thread of its own). A key carries the checked address
 * the socket went to, so a connection is only reused for a request whose fresh target check approved that address.
 * An idle timeout of zero disables reuse.
 */
final class ConnectionPool implements AutoCloseable {

    /** Where a connection goes: the checked address and port, the URL host TLS verified, and the proxy if any. */
    record Key(InetAddress address, int port, String host, Optional<InetSocketAddress> proxy) {
    }

    /** A TLS connection after its handshake over {@code tcp}, with the buffered reader responses are read from. */
    static final class Connection {

        final Key key;
        final Socket tcp;
        final SSLSocket socket;
        final DeadlineInputStream deadlined;
        final BufferedInputStream in;
        final boolean reused;
        private long idleSince;

        Connection(Key key, Socket tcp, SSLSocket socket) throws IOException {
            this.key = key;
            this.tcp = tcp;
            this.socket = socket;
            this.deadlined = new DeadlineInputStream(socket);
            this.in = new BufferedInputStream(deadlined);
            this.reused = false;
        }

        private Connection(Connection idle) {
            this.key = idle.key;
            this.tcp = idle.tcp;
            this.socket = idle.socket;
            this.deadlined = idle.deadlined;
            this.in = idle.in;
            this.reused = true;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    private final Duration idleTimeout;
    private final int maxPerKey;
    private final int maxTotal;
    private final Map<Key, Deque<Connection>> idle = new HashMap<>();
    private int total;

    ConnectionPool(Duration idleTimeout, int maxPerKey, int maxTotal) {
        this.idleTimeout = idleTimeout;
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
    }

    boolean enabled() {
        return !idleTimeout.isZero();
    }

    /** The most recently used idle connection for the key, marked as reused; empty if there is none. */
    synchronized Optional<Connection> borrow(Key key) {
        reapExpired();
        Deque<Connection> connections = idle.get(key);
        if (connections == null) {
            return Optional.empty();
        }
        Connection connection = connections.pollFirst();
        total--;
        if (connections.isEmpty()) {
            idle.remove(key);
        }
        return Optional.of(new Connection(connection));
    }

    /** Keeps a cleanly finished connection for the next request, or closes it when reuse is off or the pool full. */
    void release(Connection connection) {
        Connection evicted = null;
        synchronized (this) {
            reapExpired();
            Deque<Connection> kept = idle.get(connection.key);
            if (!enabled() || (kept != null && kept.size() >= maxPerKey)) {
                evicted = connection;
            } else {
                if (total >= maxTotal) {
                    evicted = oldest();
                }
                connection.idleSince = System.nanoTime();
                idle.computeIfAbsent(connection.key, key -> new ArrayDeque<>()).addFirst(connection);
                total++;
            }
        }
        if (evicted != null) {
            evicted.close();
        }
    }

    @Override
    public synchronized void close() {
        idle.values().forEach(connections -> connections.forEach(Connection::close));
        idle.clear();
        total = 0;
    }

    /** Closes connections idle for longer than the timeout; the oldest sit at the end of each deque. */
    private void reapExpired() {
        long now = System.nanoTime();
        for (Iterator<Deque<Connection>> keys = idle.values().iterator(); keys.hasNext(); ) {
            Deque<Connection> connections = keys.next();
            while (!connections.isEmpty() && now - connections.peekLast().idleSince >= idleTimeout.toNanos()) {
                connections.pollLast().close();
                total--;
            }
            if (connections.isEmpty()) {
                keys.remove();
            }
        }
    }

    /** Removes and returns the connection idle the longest across all keys, to make room under the overall cap. */
    private Connection oldest() {
        Map.Entry<Key, Deque<Connection>> from = null;
        for (Map.Entry<Key, Deque<Connection>> entry : idle.entrySet()) {
            Deque<Connection> connections = entry.getValue();
            if (!connections.isEmpty() && (from == null || connections.peekLast().idleSince - from.getValue().peekLast().idleSince < 0)) {
                from = entry;
            }
        }
        Connection oldest = from.getValue().pollLast();
        if (from.getValue().isEmpty()) {
            idle.remove(from.getKey());
        }
        total--;
        return oldest;
    }
}
