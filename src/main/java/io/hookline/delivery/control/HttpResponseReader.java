package io.hookline.delivery.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an HTTP/1.1 response with hard limits, since the receiver may be hostile: the status line and headers
 * together at most {@link #HEAD_LIMIT} bytes, the body (plain, Content-Length or chunked) at most {@link #BODY_LIMIT}
 * bytes; anything beyond is not read at all. Time limits are the stream's business (see {@link PinnedHttpsClient}).
 * A response says whether it ended exactly where its framing said, the condition for reusing the connection.
 */
final class HttpResponseReader {

    static final int HEAD_LIMIT = 16 * 1024;
    static final int BODY_LIMIT = 64 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 5;
    private static final int MAX_TRAILER_LINES = 32;
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5][0-9][0-9]");

    /** A response head: status code, protocol version and headers (lower-case names, first value of each). */
    record Head(int status, String version, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }

        /** HTTP/1.1 without {@code Connection: close}: the receiver means to keep the connection open. */
        boolean persistent() {
            String connection = header("connection");
            return "HTTP/1.1".equals(version) && (connection == null || !connection.toLowerCase(Locale.ROOT).contains("close"));
        }
    }

    /**
     * {@code truncated}: the receiver sent more than {@link #BODY_LIMIT} bytes of body. {@code complete}: the body was
     * delimited (Content-Length or chunked) and read to its end, so nothing of this response is left on the connection.
     */
    record Response(Head head, byte[] body, boolean truncated, boolean complete) {
    }

    private HttpResponseReader() {
    }

    static Response read(InputStream in) throws IOException {
        Head head = head(in);
        for (int interim = 0; head.status() / 100 == 1; interim++) {
            if (interim == MAX_INTERIM_RESPONSES) {
                throw new ReceiverFault("The receiver sent only interim (1xx) responses.");
            }
            head = head(in);
        }
        if (head.status() == 204 || head.status() == 304) {
            return new Response(head, new byte[0], false, true);
        }
        String encoding = head.header("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(head, in);
        }
        String length = head.header("content-length");
        long declared = length == null ? Long.MAX_VALUE : contentLength(length);
        byte[] body = in.readNBytes((int) Math.min(declared, BODY_LIMIT));
        boolean more = declared > BODY_LIMIT && (length != null || in.read() >= 0);
        return new Response(head, body, more, length != null && body.length == declared);
    }

    /** The status line and headers, up to the blank line. */
    static Head head(InputStream in) throws IOException {
        String text = new String(headBytes(in), StandardCharsets.ISO_8859_1);
        String[] lines = LINE_BREAK.split(text);
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !STATUS_CODE.matcher(status[1]).matches()) {
            throw new ReceiverFault("The receiver did not answer with HTTP/1.1 (the answer began with something else).");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(status[1]), status[0], headers);
    }

    private static byte[] headBytes(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int newlines = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new ReceiverFault(head.size() == 0 ? "The receiver closed the connection without answering."
                        : "The receiver closed the connection in the middle of its response headers.");
            }
            if (head.size() == HEAD_LIMIT) {
                throw new ReceiverFault("The response headers exceeded " + HEAD_LIMIT / 1024 + " KiB; the rest was not read.");
            }
            head.write(b);
            if (b == '\n') {
                if (++newlines == 2) {
                    return head.toByteArray();
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
    }

    private static long contentLength(String value) throws ReceiverFault {
        try {
            long length = Long.parseLong(value.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ReceiverFault("The response had an invalid Content-Length.");
    }

    private static Response chunked(Head head, InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(in);
            if (size == 0) {
                return new Response(head, body.toByteArray(), false, trailersEnd(in));
            }
            int room = BODY_LIMIT - body.size();
            byte[] data = in.readNBytes((int) Math.min(size, room));
            body.write(data);
            if (size > room) {
                return new Response(head, body.toByteArray(), true, false);
            }
            if (data.length < size) {
                return new Response(head, body.toByteArray(), false, false); // closed early: keep what came
            }
            line(in); // the CRLF after the chunk
        }
    }

    /** Skips the trailer section after the last chunk; false if it did not end with a blank line within bounds. */
    private static boolean trailersEnd(InputStream in) throws IOException {
        for (int lines = 0; lines < MAX_TRAILER_LINES; lines++) {
            if (line(in).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static long chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).trim();
        try {
            long size = hex.isEmpty() ? 0 : Long.parseLong(hex, 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException bad) {
            // reported below
        }
        throw new ReceiverFault("The response had an invalid chunk size.");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.length() > 1024) {
                throw new ReceiverFault("The response had an overlong chunk header.");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
