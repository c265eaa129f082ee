package io.hookline.delivery.control;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    /** Per key, the most recently used first. */
    private final Map<Key, Deque<Connection>> idle = new HashMap<>();
    /**
     * All of them, the longest idle first: reaping and the overall cap look only at its head, so neither walks every
     * key under the lock that all attempt threads share.
     */
    private final Set<Connection> byAge = new LinkedHashSet<>();

    ConnectionPool(Duration idleTimeout, int maxPerKey, int maxTotal) {
        this.idleTimeout = idleTimeout;
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
    }

    boolean enabled() {
        return !idleTimeout.isZero();
    }

    /** The most recently used idle connection for the key, marked as reused; empty if there is none. */
    Optional<Connection> borrow(Key key) {
        Connection found = null;
        List<Connection> expired;
        synchronized (this) {
            expired = removeExpired();
            Deque<Connection> connections = idle.get(key);
            if (connections != null) {
                found = connections.pollFirst();
                byAge.remove(found);
                if (connections.isEmpty()) {
                    idle.remove(key);
                }
            }
        }
        closeAll(expired); // a TLS close writes: not while other threads wait for the lock
        return Optional.ofNullable(found).map(Connection::new);
    }

    /** Keeps a cleanly finished connection for the next request, or closes it when reuse is off or the pool full. */
    void release(Connection connection) {
        List<Connection> expired;
        Connection evicted = null;
        synchronized (this) {
            expired = removeExpired();
            Deque<Connection> kept = idle.get(connection.key);
            if (!enabled() || (kept != null && kept.size() >= maxPerKey)) {
                evicted = connection;
            } else {
                if (byAge.size() >= maxTotal) {
                    evicted = byAge.iterator().next();
                    remove(evicted);
                }
                connection.idleSince = System.nanoTime();
                idle.computeIfAbsent(connection.key, key -> new ArrayDeque<>()).addFirst(connection);
                byAge.add(connection);
            }
        }
        closeAll(expired);
        if (evicted != null) {
            evicted.close();
        }
    }

    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            all = new ArrayList<>(byAge);
            idle.clear();
            byAge.clear();
        }
        closeAll(all);
    }

    /** Takes out the connections idle for longer than the timeout, for the caller to close. */
    private List<Connection> removeExpired() {
        List<Connection> expired = new ArrayList<>();
        long now = System.nanoTime();
        for (Connection oldest : byAge) {
            if (now - oldest.idleSince < idleTimeout.toNanos()) {
                break;
            }
            expired.add(oldest);
        }
        expired.forEach(this::remove);
        return expired;
    }

    /** Takes an idle connection out of both orders; it is its key's longest idle, so last in the key's deque. */
    private void remove(Connection connection) {
        byAge.remove(connection);
        Deque<Connection> connections = idle.get(connection.key);
        connections.removeLastOccurrence(connection);
        if (connections.isEmpty()) {
            idle.remove(connection.key);
        }
    }

    private static void closeAll(List<Connection> connections) {
        connections.forEach(Connection::close);
    }
}
