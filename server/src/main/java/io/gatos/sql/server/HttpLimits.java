package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds what one HTTP client can hold of {@code gatos serve}: header and body sizes, how long a
 * connection may stay silent, how many requests may wait for their body at once and how many
 * connections are accepted. Immutable; {@link #DEFAULTS} gives the documented defaults.
 *
 * @param maxHeaderBytes the most bytes of a request's line and headers; more is answered 431
 * @param maxBodyBytes the most bytes of a request body; more is answered 413 before it is read
 * @param readTimeout how long a connection may send nothing (while a body trickles in, or idle
 *     between requests) before it is closed
 * @param maxPendingBodies the most requests whose body is still arriving; more are answered 503
 * @param maxHttpConnections the most open TCP connections; the server stops accepting beyond it
 */
public record HttpLimits(int maxHeaderBytes, int maxBodyBytes, Duration readTimeout, int maxPendingBodies,
        int maxHttpConnections) {
    /** 8 KiB of headers, 1 MiB of body, 30 s read timeout, 64 bodies arriving, 512 connections. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8 * 1024, 1 << 20, Duration.ofSeconds(30), 64, 512);

    /** Checks the limits; throws {@link IllegalArgumentException} naming the option at fault. */
    public HttpLimits {
        requireNonNull(readTimeout, "readTimeout");
        check(maxHeaderBytes >= 1024, "the header limit must be at least 1024 bytes, not " + maxHeaderBytes);
        check(maxBodyBytes >= 1024, "--max-request-bytes must be at least 1024, not " + maxBodyBytes);
        check(!readTimeout.isNegative() && !readTimeout.isZero(), "--read-timeout must be positive");
        check(maxPendingBodies > 0, "the pending body limit must be positive, not " + maxPendingBodies);
        check(maxHttpConnections > maxPendingBodies, "the connection limit (" + maxHttpConnections
                + ") must exceed the pending body limit (" + maxPendingBodies + ")");
    }

    /** Returns a copy with another body limit and read timeout, the two {@code gatos serve} options. */
    public HttpLimits withBodyAndTimeout(int newMaxBodyBytes, Duration newReadTimeout) {
        return new HttpLimits(maxHeaderBytes, newMaxBodyBytes, newReadTimeout, maxPendingBodies, maxHttpConnections);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
