package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.servlet.AsyncContext;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves Avatica's POST requests of one wire format without holding a worker thread while a body
 * arrives: the body is read asynchronously as its bytes come in, refused with 413 as soon as it is
 * declared or read past {@link HttpLimits#maxBodyBytes()}, and only a complete body is handed to
 * the {@link RpcProtocol}. At most {@link HttpLimits#maxPendingBodies()} requests (shared by every
 * endpoint of a server) wait for their body; more are answered 503. A body that stops arriving is
 * ended by the connector's read timeout. Thread-safe.
 */
final class RpcEndpoint {
    private final RpcProtocol protocol;
    private final int maxBodyBytes;
    private final Semaphore pending;
    private final Consumer<Runnable> inFlight;

    /**
     * Creates the endpoint.
     *
     * @param protocol answers complete bodies
     * @param maxBodyBytes the largest body accepted
     * @param pending permits for requests whose body is arriving, shared by a server's endpoints
     * @param inFlight runs the work of a complete request, counting it as in flight
     */
    RpcEndpoint(RpcProtocol protocol, int maxBodyBytes, Semaphore pending, Consumer<Runnable> inFlight) {
        this.protocol = requireNonNull(protocol, "protocol");
        this.maxBodyBytes = maxBodyBytes;
        this.pending = requireNonNull(pending, "pending");
        this.inFlight = requireNonNull(inFlight, "inFlight");
    }

    /** Returns the wire format this endpoint speaks. */
    RpcProtocol protocol() {
        return protocol;
    }

    /** Starts serving {@code request}; the response may be completed later, on another thread. */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            Gateway.closeAfter(request, response);
            Gateway.write(response, 405, "text/plain", "gatos serve answers Avatica's POST requests here and GET "
                    + Gateway.HEALTH + "; connect with a JDBC driver, not a browser\n");
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        if (!pending.tryAcquire()) {
            response.setHeader("Connection", "close");
            Gateway.write(response, 503, "text/plain", "too many requests are still sending their body; try again"
                    + " later\n");
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the connector's read timeout ends a body that stops arriving
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new BodyReader(async, in, response));
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close"); // Jetty then closes instead of reading the rest
        Gateway.write(response, 413, "text/plain", "the request body is larger than " + maxBodyBytes
                + " bytes, the server's limit (gatos serve --max-request-bytes)\n");
    }

    /** Collects one body; exactly one of its callbacks completes the exchange and returns the permit. */
    private final class BodyReader implements ReadListener {
        private final AsyncContext async;
        private final ServletInputStream in;
        private final HttpServletResponse response;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean done = new AtomicBoolean();

        BodyReader(AsyncContext async, ServletInputStream in, HttpServletResponse response) {
            this.async = async;
            this.in = in;
            this.response = response;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!done.get() && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                if (body.size() + n > maxBodyBytes) {
                    finish(() -> tooLarge(response));
                    return;
                }
                body.write(buffer, 0, n);
            }
        }

        @Override
        public void onAllDataRead() {
            finish(() -> inFlight.accept(this::answer));
        }

        @Override
        public void onError(Throwable failure) {
            // a read timeout, or a client gone (then the answer goes nowhere)
            finish(() -> {
                response.setHeader("Connection", "close");
                Gateway.write(response, 408, "text/plain", "the request body stopped arriving; the server waits"
                        + " at most its read timeout (gatos serve --read-timeout) between bytes\n");
            });
        }

        private void answer() {
            RpcProtocol.Reply reply = protocol.apply(body.toByteArray());
            try {
                Gateway.write(response, reply.status(), protocol.contentType(), reply.body());
            } catch (IOException e) {
                // the client went away before its answer; its statement already ran
            }
        }

        private void finish(IoAction action) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            pending.release();
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                // the exchange ends below whatever happened to its answer
            } finally {
                async.complete();
            }
        }
    }

    /** Writes part of a response. */
    private interface IoAction {
        void run() throws IOException;
    }
}
