package io.gatos.sql.cli;

import io.gatos.sql.server.ServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Asks a running {@code gatos serve} for its health ({@code GET /health}), as a load balancer or
 * a container health check would; with {@code --tls-keystore}, trusts that keystore's certificate.
 */
final class HealthCheck {
    private HealthCheck() {
    }

    /** Prints the server's answer; returns 0 when it is healthy, 1 otherwise. */
    static int run(ServeOptions options, PrintWriter out, PrintWriter err) throws UserException {
        String host = options.bind.equals("0.0.0.0") || options.bind.equals("::") ? "127.0.0.1" : options.bind;
        URI uri = URI.create((options.tlsKeystore == null ? "http" : "https") + "://"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + options.port + "/health");
        try {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            if (options.tlsKeystore != null) {
                builder.sslContext(trusting(options));
            }
            HttpResponse<String> response = builder.build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() == 200;
            (ok ? out : err).println((ok ? "healthy: " : "gatos serve: unhealthy (HTTP " + response.statusCode() + "): ")
                    + response.body().strip());
            return ok ? ExitCodes.OK : ExitCodes.INTERNAL;
        } catch (IOException e) {
            err.println("gatos serve: unhealthy: no answer from " + uri + " (" + e + ")");
            return ExitCodes.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
    }

    private static SSLContext trusting(ServeOptions options) throws UserException {
        try {
            return options.tls().trustContext();
        } catch (ServerException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
