package io.hookline.delivery.control;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;

/**
 * Pool keys and connections on real loopback sockets that never carry a request, for exercising
 * {@link ConnectionPool}: closing one is all the pool ever does to it.
 */
final class LoopbackConnections {

    private LoopbackConnections() {
    }

    static ConnectionPool.Key key(String host) {
        return new ConnectionPool.Key(InetAddress.getLoopbackAddress(), 443, host, Optional.empty());
    }

    /** A TLS socket (no handshake made) over a TCP connection to the server, as the pool keeps it. */
    static ConnectionPool.Connection open(ServerSocket server, ConnectionPool.Key key) throws IOException {
        Socket tcp = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(tcp, key.host(), key.port(), true);
        return new ConnectionPool.Connection(key, tcp, tls);
    }
}
