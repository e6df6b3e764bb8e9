package io.gatos.sql.cli;

import io.gatos.sql.cli.options.CacheOption;
import io.gatos.sql.cli.options.RepoOption;
import io.gatos.sql.cli.output.OutputFormat;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one SQL query on a ledger and streams the result to standard output. */
@Command(
        name = "sql",
        description = {
            "Runs one SQL query on a GATOS ledger and prints the result to standard output.",
            "Tables are in schema gatos, the default: events, commits, shiplog, consumers, jobs,"
                    + " ...",
            "Timestamps print as ISO-8601 in UTC; JSON columns print as text (strings in"
                    + " json/ndjson)."
        })
public final class SqlCommand extends GatosSubcommand {
    @Mixin RepoOption repo;
    @Mixin CacheOption cache;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = OutputFormat.Converter.class,
            completionCandidates = OutputFormat.Converter.class,
            description = {
                "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                "table: aligned, cells cut at 80 characters, a (N rows) footer; csv: RFC 4180 with"
                    + " a header, NULL as an empty field; json: one array of objects; ndjson: one"
                    + " object per line."
            })
    OutputFormat format;

    @Parameters(
            paramLabel = "QUERY",
            description = "The SQL query, e.g. \"SELECT * FROM events LIMIT 5\".")
    String query;

    @Override
    int run() throws Exception {
        try (Connection connection = Ledgers.connect(repo.path(), cache.enabled());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            format.writer().write(rs, out());
            if (CdsTraining.requested()) {
                out().flush();
                CdsTraining.prepare(connection);
            }
        }
        return ExitCodes.OK;
    }
}
