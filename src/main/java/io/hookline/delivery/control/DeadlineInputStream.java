package io.hookline.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A socket's input where every read waits at most until one deadline, so a receiver dripping bytes is cut off too. */
final class DeadlineInputStream extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    /** @param deadline in {@link System#nanoTime()} terms */
    DeadlineInputStream(Socket socket, long deadline) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        return in.read(buffer, offset, length);
    }

    private void arm() throws IOException {
        int millis = PinnedHttpsClient.remainingMillis(deadline);
        if (millis <= 0) {
            throw new SocketTimeoutException("request timeout reached");
        }
        socket.setSoTimeout(millis);
    }
}
