package io.gatos.sql.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;

/**
 * Speaks HTTP/1.1 over a plain socket, as a hostile client does: whatever headers and body bytes a
 * test chooses, read back as text. Every read is bounded by a socket timeout. Close it.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the server behind {@code uri} with {@code timeoutMillis} for connecting and each read. */
    static RawHttp connect(URI uri, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return new RawHttp(socket);
    }

    /** Sends {@code text} as ISO-8859-1 bytes. */
    RawHttp send(String text) throws IOException {
        return send(text.getBytes(ISO_8859_1));
    }

    /** Sends {@code bytes}. */
    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the server closes the connection, the read times out, or {@code max} bytes; returns the text. */
    String readResponse(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; out.size() < max && (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (complete(out.toString(ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came before the timeout or the reset is the answer
        }
        return out.toString(ISO_8859_1);
    }

    /** Returns the status code of {@code response}, or -1 when it has none. */
    static int status(String response) {
        return response.startsWith("HTTP/1.1 ") && response.length() >= 12
                ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    /** Returns the body of {@code response} (after the blank line), or "" when it has none. */
    static String body(String response) {
        int at = response.indexOf("\r\n\r\n");
        return at < 0 ? "" : response.substring(at + 4);
    }

    private static boolean complete(String text) {
        int at = text.indexOf("\r\n\r\n");
        if (at < 0) {
            return false;
        }
        String head = text.substring(0, at).toLowerCase(java.util.Locale.ROOT);
        int length = head.indexOf("content-length: ");
        if (length < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", length);
        long expected = Long.parseLong(head.substring(length + 16, end < 0 ? head.length() : end).trim());
        return text.length() - at - 4 >= expected;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
