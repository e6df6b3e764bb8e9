package io.gatos.sql.cli;

import io.gatos.sql.cli.options.ExportFormat;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.export.ExportOptions;
import io.gatos.sql.materialize.parquet.ParquetQueryJob;
import io.gatos.sql.materialize.query.MaterializeConfig;
import io.gatos.sql.materialize.query.QueryJob;
import io.gatos.sql.materialize.query.QueryMaterializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the result of one SQL query into a table of an SQLite file or into Parquet (one file or
 * Hive partitions), converts CSV/JSON files to partitioned Parquet, or runs every job of a
 * configuration file (exports and queries), for schedulers such as cron or systemd timers.
 */
@Command(
        name = "materialize",
        description = {
            "Writes the result of an SQL query over a ledger (and/or directories of CSV/JSON files)"
                    + " into a table of an SQLite file or into Parquet, converts CSV/JSON files to"
                    + " partitioned Parquet, or runs the jobs of a configuration file.",
            "--query with --format sqlite: the table --table of --out is rebuilt from the query's"
                    + " result (other tables of the file are kept); a failed run leaves it as it was.",
            "--query with --format parquet (no --table): --out is one .parquet file, or with"
                    + " --partition-by a directory of Hive partitions (COL=value/, COL then only in the"
                    + " directory names; or year=YYYY/month=MM/, UTC, COL kept in the files); it is built"
                    + " beside --out and replaces it only"
                    + " when the query succeeded. --source NAME=DIR mounts the CSV/JSON files of DIR as"
                    + " schema NAME (types from --schema FILE or DIR/gatos-files.json); --repo is then"
                    + " optional.",
            "--convert: each file of --source PATH (a file, or the matching files of a directory)"
                    + " becomes OUT/<dataset>/year=YYYY/month=MM/<dataset>_YYYYMMDD.parquet as --schema"
                    + " declares; outputs newer than their source are skipped; a missing or corrupt input"
                    + " is reported and the others still convert; --dry-run writes nothing.",
            "--config: runs every job of the YAML or JSON file in order ('export:' jobs are"
                    + " incremental like 'gatos export', 'query:' jobs rebuild their table, or with"
                    + " format: parquet their output) and"
                    + " prints each job's summary line; a failing job is reported on stderr and the"
                    + " next job runs. Relative paths in the file resolve against its directory.",
        },
        exitCodeList = {
            "0:Success: the query, or every job of --config, ran.",
            "1:A job of --config or an input of --convert failed (the others still ran), or the"
                    + " query failed (SQL, ledger or I/O error); the previous output is left as it was.",
            "2:Usage error or bad option: --config with --query, a missing option, an unreadable"
                    + " or invalid configuration or file schema.",
            ExitCodes.LOCKED_HELP + " Only for --query and --convert; with --config a locked job"
                    + " is a failed job."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos materialize --repo ledger.git --format sqlite --out reports.sqlite \\",
            "      --table events_per_ns \\",
            "      --query \"SELECT ns, COUNT(*) AS n FROM events GROUP BY ns\"",
            "  gatos materialize --repo ledger.git --format parquet --out events \\",
            "      --partition-by \"year-month(ts)\" --query \"SELECT * FROM events\"",
            "  gatos materialize --repo ledger.git --source perf=g/reports --format parquet \\",
            "      --out per-ns.parquet --query \"SELECT e.ns, COUNT(*) AS n, MAX(p.execution_time_ms)",
            "      AS worst_ms FROM events e JOIN perf.query_perf p ON p.table_name = e.ns GROUP BY e.ns\"",
            "  gatos materialize --convert --schema parquet_schema.json --out parquet \\",
            "      --source g/reports --source knowledge/optimize/index_advisor_report.json",
            "  gatos materialize --config /etc/gatos/materialize.yaml",
            "",
            "A configuration file:",
            "  repo: ../ledger.git",
            "  jobs:",
            "    - export: {out: exports/ledger.sqlite, tables: [events, commits]}",
            "    - query: {sql: \"SELECT ns, COUNT(*) AS n FROM events GROUP BY ns\",",
            "              table: events_per_ns, out: exports/reports.sqlite}",
            "    - export: {out: exports/ledger-parquet, format: parquet}",
            "    - query: {sql: \"SELECT id, ns, ts FROM events\", format: parquet,",
            "              out: exports/events-by-month, partition_by: \"year-month(ts)\"}"
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
            description = "The SQL query whose result becomes table --table of --out (sqlite) or --out (parquet).")
    String query;

    @Option(
            names = "--repo",
            paramLabel = "PATH",
            description = "With --query: the ledger, a Git repository with refs under refs/gatos/; optional"
                    + " with --format parquet when --source is given.")
    Path repo;

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "With --query --format sqlite: the table to (re)build; letters, digits and _."
                    + " Not used by parquet (--out holds the one result).")
    String table;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            converter = ExportFormat.Converter.class,
            description = "With --query: sqlite or parquet.")
    ExportFormat format;

    @Option(
            names = "--out",
            paramLabel = "PATH",
            description = "The SQLite file, the .parquet file, the partitioned directory (--partition-by) or,"
                    + " with --convert, the root of the datasets.")
    Path out;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "With --query --format sqlite: rows per insert batch (default: ${DEFAULT-VALUE}).")
    int batchSize = ExportOptions.DEFAULT_BATCH;

    @Option(
            names = "--partition-by",
            paramLabel = "COL",
            description = "With --format parquet: COL (partitions COL=value/; text, integer, boolean or DATE"
                    + " columns) or year-month(COL) (year=YYYY/month=MM/ of a DATE or TIMESTAMP, UTC).")
    String partitionBy;

    @Option(
            names = "--source",
            paramLabel = "NAME=DIR|PATH",
            description = "With --query --format parquet: NAME=DIR mounts the CSV/JSON files of DIR as schema"
                    + " NAME (repeatable). With --convert: a file or directory to convert (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(
            names = "--schema",
            paramLabel = "FILE",
            description = "The file schema (JSON or YAML) declaring datasets, file-name patterns and typed"
                    + " columns; required by --convert; for --source NAME=DIR it defaults to DIR/gatos-files.json.")
    Path schema;

    @Option(
            names = "--convert",
            description = "Convert the --source files to year/month-partitioned Parquet under --out.")
    boolean convert;

    @Option(
            names = "--dry-run",
            description = "With --convert: read and check every input, print what would be written, write nothing.")
    boolean dryRun;

    @Option(
            names = "--max-open-files",
            paramLabel = "N",
            description = "With --partition-by: the most partition files open at once, each buffering up to a"
                    + " 64 MiB row group (default: ${DEFAULT-VALUE}); past it the least recently written file is"
                    + " finished and its partition continues in a next part file.")
    int maxOpenFiles = ParquetQueryJob.DEFAULT_MAX_OPEN_FILES;

    @Override
    int run() throws UserException {
        if (config != null && query != null) {
            throw new UserException(
                    "--config and --query are mutually exclusive: give either a job file or one"
                            + " query (with --repo, --table, --format and --out)");
        }
        if (config != null) {
            if (repo != null || table != null || format != null || out != null || convert
                    || !sources.isEmpty() || schema != null || partitionBy != null) {
                throw new UserException(
                        "--repo, --table, --format, --out, --source, --schema, --partition-by and"
                                + " --convert go with --query or --convert; the jobs of --config name"
                                + " their own");
            }
            return runConfig();
        }
        if (convert) {
            return ParquetModes.convert(this);
        }
        if (dryRun) {
            throw new UserException("--dry-run goes with --convert");
        }
        if (format == ExportFormat.PARQUET) {
            return ParquetModes.query(this);
        }
        if (query == null) {
            throw new UserException(
                    "give --query SQL (with --repo, --table, --format and --out), --convert or --config"
                            + " FILE");
        }
        if (partitionBy != null || !sources.isEmpty() || schema != null) {
            throw new UserException("--partition-by, --source and --schema go with --format parquet");
        }
        require(repo, "--repo PATH");
        require(table, "--table NAME");
        require(format, "--format sqlite or --format parquet");
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

    static void require(Object value, String option) throws UserException {
        if (value == null) {
            throw new UserException("--query needs " + option);
        }
    }
}
