package io.hookline.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input where every read waits at most until the current request's deadline, so a receiver dripping bytes
 * is cut off too. A kept-alive connection gets a new deadline per request ({@link #start}).
 */
final class DeadlineInputStream extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private long deadline;
    private boolean received;

    DeadlineInputStream(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Begins a request: reads from now on must end by {@code deadline} (in {@link System#nanoTime()} terms). */
    void start(long deadline) {
        this.deadline = deadline;
        this.received = false;
    }

    /** Whether any byte of the current request's response arrived (a failure after that is never retried). */
    boolean received() {
        return received;
    }

    @Override
    public int read() throws IOException {
        arm();
        int b = in.read();
        received |= b >= 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        int count = in.read(buffer, offset, length);
        received |= count > 0;
        return count;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    private void arm() throws IOException {
        int millis = PinnedHttpsClient.remainingMillis(deadline);
        if (millis <= 0) {
            throw new SocketTimeoutException("request timeout reached");
        }
        socket.setSoTimeout(millis);
    }
}
