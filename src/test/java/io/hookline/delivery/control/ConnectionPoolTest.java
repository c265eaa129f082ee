package io.hookline.delivery.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's bounds, on real (unused) loopback sockets: closed means evicted. */
class ConnectionPoolTest {

    private static final ConnectionPool.Key A = LoopbackConnections.key("a.example");
    private static final ConnectionPool.Key B = LoopbackConnections.key("b.example");

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> opened = new ArrayList<>();

    ConnectionPoolTest() throws IOException {
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : opened) {
            socket.close();
        }
        server.close();
    }

    @Test
    void keepsAtMostTheCapPerKeyAndOverallEvictingTheOldest() throws IOException {
        ConnectionPool pool = new ConnectionPool(Duration.ofSeconds(30), 2, 3);
        ConnectionPool.Connection a1 = connection(A);
        ConnectionPool.Connection a2 = connection(A);
        ConnectionPool.Connection a3 = connection(A);
        pool.release(a1);
        pool.release(a2);
        pool.release(a3);
        assertTrue(a3.socket.isClosed(), "over the cap per key");
        ConnectionPool.Connection b1 = connection(B);
        ConnectionPool.Connection b2 = connection(B);
        pool.release(b1);
        pool.release(b2);
        assertTrue(a1.socket.isClosed(), "the oldest, over the overall cap");
        assertFalse(a2.socket.isClosed());

        ConnectionPool.Connection reused = pool.borrow(A).orElseThrow();
        assertEquals(a2.socket, reused.socket);
        assertTrue(reused.reused);
        assertEquals(Optional.empty(), pool.borrow(A).map(connection -> connection.socket));
        assertEquals(b2.socket, pool.borrow(B).orElseThrow().socket, "the most recently used first");
    }

    @Test
    void anIdleConnectionPastTheTimeoutIsClosedNotLent() throws Exception {
        ConnectionPool pool = new ConnectionPool(Duration.ofMillis(20), 2, 3);
        ConnectionPool.Connection a = connection(A);
        pool.release(a);
        Thread.sleep(100);
        assertTrue(pool.borrow(A).isEmpty());
        assertTrue(a.socket.isClosed());
    }

    @Test
    void aZeroKeepAliveKeepsNothing() throws IOException {
        ConnectionPool pool = new ConnectionPool(Duration.ZERO, 2, 3);
        ConnectionPool.Connection a = connection(A);
        pool.release(a);
        assertTrue(a.socket.isClosed());
        assertTrue(pool.borrow(A).isEmpty());
    }

    private ConnectionPool.Connection connection(ConnectionPool.Key key) throws IOException {
        ConnectionPool.Connection connection = LoopbackConnections.open(server, key);
        opened.add(connection.tcp);
        return connection;
    }
}
