package io.gatos.sql.cli;

import io.gatos.sql.cli.options.DurationConverter;
import io.gatos.sql.server.ClientProperties;
import io.gatos.sql.server.GatosServer;
import io.gatos.sql.server.ServerConfig;
import io.gatos.sql.server.ServerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves a ledger's tables over Avatica's HTTP protocol to remote JDBC clients until stopped. */
@Command(
        name = "serve",
        description = {
            "Serves the ledger's tables to remote JDBC clients (BI tools, sqlline) over Avatica's HTTP"
                    + " protocol. Every statement reads the live refs: commits appended while the"
                    + " server runs are seen by the next query.",
            "Listens on 127.0.0.1 unless --bind says otherwise, and prints the JDBC URL to use. Clients"
                    + " may set only the connection properties " + "cache, locale, timeZone" + "; others are refused.",
            "Stops gracefully on SIGTERM or Ctrl-C: running requests get --shutdown-grace to finish,"
                    + " then their statements are cancelled; the exit code is 0.",
            "With --check, asks a running server's /health endpoint instead of serving."
        },
        exitCodeList = {
            "0:Stopped by SIGTERM or Ctrl-C; with --check: the server is healthy.",
            "1:Internal error; with --check: the server is unhealthy or unreachable.",
            "2:Usage error, bad repository, users file or keystore, or the address is in use."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos serve --repo ledger.git",
            "  gatos serve --repo ledger.git --bind 0.0.0.0 --auth basic --users users.txt \\",
            "      --tls-keystore server.p12 --tls-password \"$KEYSTORE_PASSWORD\"",
            "  gatos serve --check --port 8765",
            "  sqlline -d org.apache.calcite.avatica.remote.Driver \\",
            "      -u \"jdbc:avatica:remote:url=http://127.0.0.1:8765;serialization=protobuf\" -n x -p x"
        })
public final class ServeCommand extends GatosSubcommand {
    @Mixin ServeOptions options;

    @Option(names = "--check", description = "Ask the server at --bind:--port for its health and exit.")
    boolean check;

    @Override
    int run() throws Exception {
        if (check) {
            return HealthCheck.run(options, out(), err());
        }
        ServerConfig config = options.config();
        StopSignal stop = StopSignal.install(config.shutdownGrace().plusSeconds(10));
        GatosServer server;
        try {
            server = GatosServer.start(config);
        } catch (ServerException e) {
            throw new UserException(e.getMessage(), e);
        }
        announce(server);
        stop.await();
        err().println("gatos serve: stopping; running requests have " + DurationConverter.format(config.shutdownGrace())
                + " to finish");
        err().flush();
        GatosServer.StopReport report = server.stop();
        out().println("gatos serve: stopped" + (report.drained() ? "" : "; cancelled " + report.cancelled()
                + " running statement(s) after the grace period"));
        stop.finished();
        return ExitCodes.OK;
    }

    private void announce(GatosServer server) {
        ServerConfig c = server.config();
        out().println("gatos serve: serving " + c.repo() + " at " + server.uri() + " (" + c.serialization().urlValue()
                + ", " + (c.auth().basic() ? "basic authentication, users in " + c.auth().users() : "no authentication")
                + ")");
        out().println("JDBC URL: " + server.jdbcUrl() + (c.auth().basic() ? ";avatica_user=NAME;avatica_password=SECRET"
                : "") + (c.tls() != null ? ";truststore=PATH;truststore_password=SECRET" : ""));
        out().println("driver class: org.apache.calcite.avatica.remote.Driver (the avatica client jar)");
        out().println("or with gatos-jdbc.jar: " + server.gatosJdbcUrl() + (c.auth().basic()
                ? ";avatica_user=NAME;avatica_password=SECRET" : "") + " (same time model and errors as embedded)");
        out().println("limits: statement timeout " + DurationConverter.format(c.statementTimeout()) + ", row cap "
                + (c.maxRows() == 0 ? "none" : c.maxRows()) + ", " + c.maxConnections() + " connections, "
                + c.maxStatements() + " statements, idle " + DurationConverter.format(c.idleTimeout())
                + ", request body " + c.http().maxBodyBytes() + " bytes, read timeout "
                + DurationConverter.format(c.http().readTimeout()) + "; client properties allowed: " + ClientProperties.allowedList());
        out().println("health: " + server.uri() + "/health; stop with Ctrl-C or SIGTERM");
        out().flush();
    }
}
