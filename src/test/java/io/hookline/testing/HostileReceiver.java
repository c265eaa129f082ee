package io.hookline.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTPS receiver on 127.0.0.1 that misbehaves on purpose, the way hostile or broken webhook receivers do.
 * It speaks raw HTTP/1.1 over TLS so it can break the protocol in ways a proper server never would.
 */
public final class HostileReceiver implements AutoCloseable {

    public enum Behaviour {
        /** 302 to the cloud metadata service. */
        REDIRECT,
        /** 200 and a chunked body that never ends. */
        ENDLESS_BODY,
        /** A status line and headers, one byte every 200 ms, forever. */
        SLOW_DRIP,
        /** Reads the request and never answers. */
        HANG,
        /** 200 and then header lines, forever. */
        HUGE_HEADERS,
        /** 200, as a receiver should; with the untrusted certificate it must not even get the request. */
        HEALTHY,
        /** 200 and the connection kept open for the next request (HTTP/1.1 keep-alive). */
        KEEP_ALIVE,
        /** 200 without {@code Connection: close}, then closes the connection anyway, as an idle timeout would. */
        IDLE_CLOSE,
        /** Keep-alive 200 for the first request on a connection; on the next, half a status line and a hang-up. */
        PARTIAL_ON_REUSE
    }

    private static final String KEPT_ALIVE_OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static final byte[] ENDLESS_CHUNK = ("400\r\n" + "x".repeat(0x400) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    private HostileReceiver(SSLContext tls, Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.server = socket;
        threads.execute(this::accept);
    }

    /** With the build's certificate, which the server under test trusts. */
    public static HostileReceiver start(Behaviour behaviour) {
        return start(Path.of(Optional.ofNullable(System.getProperty("it.tls.store")).orElse("target/test-tls/receiver.p12")), behaviour);
    }

    /** With a self-signed certificate made now, which nobody trusts; the receiver would otherwise answer 200. */
    public static HostileReceiver startUntrusted() {
        return start(untrustedStore(), Behaviour.HEALTHY);
    }

    private static HostileReceiver start(Path store, Behaviour behaviour) {
        try {
            return new HostileReceiver(Receiver.serverTls(store), behaviour);
        } catch (IOException failure) {
            throw new IllegalStateException("cannot start a hostile receiver with " + store, failure);
        }
    }

    private static synchronized Path untrustedStore() {
        try {
            Path store = Path.of(System.getProperty("java.io.tmpdir"), "hookline-untrusted-" + ProcessHandle.current().pid() + ".p12");
            if (!Files.exists(store)) {
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                        "-keypass", "changeit", "-alias", "untrusted", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                        "-keyalg", "EC", "-validity", "2").inheritIO().start();
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed");
                }
                store.toFile().deleteOnExit();
            }
            return store;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public String url(String path) {
        return "https://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Requests read completely (a TLS failure means none). */
    public int requests() {
        return requests.get();
    }

    /** TCP connections accepted. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int served = 0; ; served++) {
                readRequest(in);
                requests.incrementAndGet();
                if (!answer(in, out, served)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client hung up: what a hostile receiver expects
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** Answers the {@code served}-th request on a connection; true if the connection stays open for another. */
    private boolean answer(InputStream in, OutputStream out, int served) throws IOException, InterruptedException {
        switch (behaviour) {
            case REDIRECT -> send(out, "HTTP/1.1 302 Found\r\nLocation: https://169.254.169.254/latest/meta-data/\r\nContent-Length: 0\r\n\r\n");
            case ENDLESS_BODY -> {
                send(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                while (true) {
                    out.write(ENDLESS_CHUNK);
                }
            }
            case SLOW_DRIP -> {
                byte[] drip = "HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; ; i++) {
                    out.write(i < drip.length ? drip[i] : 'x');
                    out.flush();
                    Thread.sleep(200);
                }
            }
            case HANG -> {
                while (in.read() >= 0) {
                    // keep the connection open, say nothing, until the client gives up
                }
            }
            case HUGE_HEADERS -> {
                send(out, "HTTP/1.1 200 OK\r\n");
                for (int i = 0; ; i++) {
                    send(out, "X-Filler-" + i + ": " + "y".repeat(100) + "\r\n");
                }
            }
            case HEALTHY -> send(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            case KEEP_ALIVE -> {
                send(out, KEPT_ALIVE_OK);
                return true;
            }
            case IDLE_CLOSE -> send(out, KEPT_ALIVE_OK);
            case PARTIAL_ON_REUSE -> {
                send(out, served == 0 ? KEPT_ALIVE_OK : "HTTP/1.1 200 OK\r\nContent-Le");
                return served == 0;
            }
        }
        return false;
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request was complete");
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
        in.readNBytes(length);
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
