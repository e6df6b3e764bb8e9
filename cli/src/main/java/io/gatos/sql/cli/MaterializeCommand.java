package io.gatos.sql.cli;

import io.gatos.sql.materialize.ExportOptions;
import io.gatos.sql.materialize.MaterializeConfig;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.QueryJob;
import io.gatos.sql.materialize.QueryMaterializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Writes the result of one SQL query into a table of an SQLite file, or runs every job of a
 * configuration file (exports and queries), for schedulers such as cron or systemd timers.
 */
@Command(
        name = "materialize",
        description = {
            "Writes the result of an SQL query over a ledger into a table of an SQLite file, or runs"
                    + " the jobs of a configuration file.",
            "--query: the table NAME of FILE is rebuilt from the query's result (other tables of"
                    + " FILE are kept); a failed run leaves FILE as it was.",
            "--config: runs every job of the YAML or JSON file in order ('export:' jobs are"
                    + " incremental like 'gatos export', 'query:' jobs rebuild their table) and"
                    + " prints each job's summary line; a failing job is reported on stderr and the"
                    + " next job runs. Relative paths in the file resolve against its directory.",
        },
        exitCodeList = {
            "0:Success: the query, or every job of --config, ran.",
            "1:A job of --config failed (the others still ran), or the query failed (SQL, ledger"
                    + " or I/O error); the previous output is left as it was.",
            "2:Usage error or bad option: --config with --query, a missing option, an unreadable"
                    + " or invalid configuration file.",
            ExitCodes.LOCKED_HELP + " Only for --query; with --config a locked job is a failed"
                    + " job."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos materialize --repo ledger.git --format sqlite --out reports.sqlite \\",
            "      --table events_per_ns \\",
            "      --query \"SELECT ns, COUNT(*) AS n FROM events GROUP BY ns\"",
            "  gatos materialize --config /etc/gatos/materialize.yaml",
            "",
            "A configuration file:",
            "  repo: ../ledger.git",
            "  jobs:",
            "    - export: {out: exports/ledger.sqlite, tables: [events, commits]}",
            "    - query: {sql: \"SELECT ns, COUNT(*) AS n FROM events GROUP BY ns\",",
            "              table: events_per_ns, out: exports/reports.sqlite}"
        })
public final class MaterializeCommand extends GatosSubcommand {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Run every job of this YAML or JSON file; excludes --query.")
    Path config;

    @Option(
            names = "--query",
            paramLabel = "SQL",
            description = "The SQL query whose result becomes table --table of --out.")
    String query;

    @Option(
            names = "--repo",
            paramLabel = "PATH",
            description = "With --query: the ledger, a Git repository with refs under refs/gatos/.")
    Path repo;

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "With --query: the table to (re)build; letters, digits and _.")
    String table;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            converter = ExportFormat.Converter.class,
            description = "With --query: the file format, sqlite (Parquet comes later).")
    ExportFormat format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "With --query: the SQLite file to write the table into.")
    Path out;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "With --query: rows per insert batch (default: ${DEFAULT-VALUE}).")
    int batchSize = ExportOptions.DEFAULT_BATCH;

    @Override
    int run() throws UserException {
        if (config != null && query != null) {
            throw new UserException(
                    "--config and --query are mutually exclusive: give either a job file or one"
                            + " query (with --repo, --table, --format and --out)");
        }
        if (config != null) {
            if (repo != null || table != null || format != null || out != null) {
                throw new UserException(
                        "--repo, --table, --format and --out go with --query; the jobs of --config"
                                + " name their own");
            }
            return runConfig();
        }
        if (query == null) {
            throw new UserException(
                    "give --query SQL (with --repo, --table, --format and --out) or --config FILE");
        }
        require(repo, "--repo PATH");
        require(table, "--table NAME");
        require(format, "--format sqlite");
        require(out, "--out FILE");
        QueryJob job =
                new QueryJob(Ledgers.existingDirectory(repo), query, table, out, batchSize);
        out().println(QueryMaterializer.run(job).summary());
        return ExitCodes.OK;
    }

    /** Runs every job of the file, reporting each failure and going on; 1 if any failed. */
    private int runConfig() {
        int failed = 0;
        for (MaterializeConfig.Job job : MaterializeConfig.read(config).jobs()) {
            try {
                out().println(job.action().get());
            } catch (RuntimeException e) {
                failed++;
                String message =
                        e instanceof MaterializeException ? e.getMessage() : "internal error: " + e;
                fail("job " + job.name() + " failed: " + message, e, ExitCodes.INTERNAL);
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    private static void require(Object value, String option) throws UserException {
        if (value == null) {
            throw new UserException("--query needs " + option);
        }
    }
}
