package io.gatos.sql.cli;

import io.gatos.sql.cli.output.TableWriter;
import io.gatos.sql.materialize.export.ExportOptions;
import io.gatos.sql.materialize.export.Exporter;
import io.gatos.sql.materialize.export.Format;
import io.gatos.sql.materialize.export.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates a sample ledger and runs a short tour of the SQL catalog over it. */
@Command(
        name = "demo",
        description = {
            "Generates a sample ledger, runs a tour of SQL queries over it, then exports it to"
                + " SQLite beside it (demo-ledger.sqlite for demo-ledger.git) and verifies the export.",
            "Prints each query and its result as a table. A previous demo ledger at --out (a bare"
                + " Git repository with refs/gatos/ refs) is replaced; any other non-empty --out is"
                + " refused."
        })
public final class DemoCommand extends GatosSubcommand {
    /** Seeds the demo ledger, so that every demo shows the same data. */
    static final long SEED = 1;

    private static final String NEXT_QUERY =
            "SELECT kind, COUNT(*) AS n FROM events GROUP BY kind ORDER BY n DESC";
    private static final String NEXT_JSON = "SELECT * FROM jobs LIMIT 3";
    private static final String NEXT_EXPORT = "SELECT * FROM job_durations LIMIT 5";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=-]+");

    @Option(
            names = "--out",
            paramLabel = "PATH",
            defaultValue = "demo-ledger.git",
            description =
                    "Where to write the sample ledger, relative to the current directory"
                            + " (default: ${DEFAULT-VALUE}).")
    Path ledger;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "5000",
            description = "How many journal events to generate (default: ${DEFAULT-VALUE}).")
    int events;

    @Override
    int run() throws Exception {
        GenerateCommand.requirePositive(spec, events);
        Path target = ledger.toAbsolutePath().normalize();
        if (removePreviousDemo(target)) {
            err().println("gatos demo: replaced the previous demo ledger at " + target);
        }
        GenerateCommand.generate(target, events, SEED, err(), out());
        out().println();
        int failed;
        try (Connection connection = Ledgers.connect(target)) {
            failed = tour(connection);
        }
        boolean verified = exportAndVerify(target, Format.SQLITE) & exportAndVerify(target, Format.PARQUET);
        String repo = shellWord(ledger.toString());
        out().println("Continue with your own queries:");
        out().println("  ./gatos sql --repo " + repo + " \"" + NEXT_QUERY + "\"");
        out().println("  ./gatos sql --repo " + repo + " --format json \"" + NEXT_JSON + "\"");
        out().println("  ./gatos shell --repo " + repo);
        out().println("  sqlite3 " + shellWord(exportPath(ledger, Format.SQLITE).toString()) + " \"" + NEXT_EXPORT
                + "\"");
        out().println("  duckdb -c \"SELECT date, COUNT(*) FROM read_parquet('"
                + exportPath(ledger, Format.PARQUET) + "/events/**/*.parquet', hive_partitioning = true)"
                + " GROUP BY ALL ORDER BY ALL\"");
        out().println("  ./gatos serve --repo " + repo + "   # for remote JDBC clients (BI tools, sqlline)");
        return failed == 0 && verified ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    /**
     * Returns the demo's export beside {@code ledger}: its name without {@code .git}, plus
     * {@code .sqlite} (SQLite) or {@code -parquet} (a Parquet directory).
     */
    static Path exportPath(Path ledger, Format format) {
        String name = ledger.getFileName().toString();
        String base = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        return ledger.resolveSibling(base + (format == Format.SQLITE ? ".sqlite" : "-parquet"));
    }

    /** Exports the demo ledger (rebuilt every time) and verifies it; returns whether it matched. */
    private boolean exportAndVerify(Path ledger, Format format) {
        String what = format == Format.SQLITE ? "SQLite" : "Parquet (a directory per table)";
        out().println("-- Export every table to " + what + ", then verify the export against the ledger");
        out().println("./gatos export --repo " + shellWord(this.ledger.toString()) + " --format " + format.id()
                + " --out " + shellWord(exportPath(this.ledger, format).toString()) + " --full");
        Path export = exportPath(ledger, format);
        ExportOptions options = new ExportOptions(ledger, export, null, null, null, null, null,
                ExportOptions.DEFAULT_BATCH, true, null, format);
        out().println(Exporter.run(options).summary());
        boolean verified = VerifyCommand.print(Verifier.verify(ledger, export), out());
        out().println();
        return verified;
    }

    /** Runs every demo query, printing each with its result; returns how many failed. */
    private int tour(Connection connection) throws IOException {
        PrintWriter out = out();
        int failed = 0;
        for (DemoQuery query : DemoQuery.ALL) {
            out.println("-- " + query.title());
            out.println(query.sql() + ";");
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(query.sql())) {
                new TableWriter().write(rs, out);
            } catch (SQLException e) {
                failed++;
                out.flush();
                err().println("gatos demo: query failed: " + SqlErrors.message(e, verbose()));
                err().flush();
            }
            out.println();
        }
        return failed;
    }

    /**
     * Deletes {@code target} and returns true if it is a previous demo ledger; leaves a missing
     * path or an empty directory alone; refuses anything else, naming the path.
     */
    static boolean removePreviousDemo(Path target) throws UserException, IOException {
        if (GenerateCommand.isMissingOrEmpty(target)) {
            return false;
        }
        if (!Files.isDirectory(target) || !Ledgers.looksLikeGeneratedLedger(target)) {
            throw new UserException(
                    "refusing to replace "
                            + target
                            + ": it is not a previous demo ledger (a bare Git repository with"
                            + " refs/gatos/ refs); choose another --out or remove it");
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        return true;
    }

    /** Returns a word the shell reads back as {@code text}: as is when safe, else single-quoted. */
    static String shellWord(String text) {
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
