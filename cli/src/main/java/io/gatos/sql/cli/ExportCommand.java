package io.gatos.sql.cli;

import io.gatos.sql.cli.options.ExportFormat;
import io.gatos.sql.cli.options.RepoOption;
import io.gatos.sql.cli.progress.ExportProgress;
import io.gatos.sql.materialize.export.ExportOptions;
import io.gatos.sql.materialize.export.ExportResult;
import io.gatos.sql.materialize.export.Exporter;
import io.gatos.sql.materialize.export.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Exports ledger tables into an SQLite file or a Parquet dataset, incrementally, or events and
 * messages as NDJSON lines (a sparse export), with progress on stderr.
 */
@Command(
        name = "export",
        description = {
            "Exports ledger tables into one SQLite file (typed tables with primary and foreign keys,"
                    + " indexes, views, and an export_info table of runs) or, with --format parquet,"
                    + " into a directory of Parquet files: one subdirectory per table, events"
                    + " partitioned by day (date=YYYY-MM-DD/) and state_nodes by state_ref=ID/, ZSTD,"
                    + " rows sorted by key in each file.",
            "Also writes OUT.manifest.json: the ref frontier, row counts, table digests (and for"
                    + " Parquet every file with its rows, size and BLAKE3 digest) and the"
                    + " Explorer-Root that 'gatos verify' checks.",
            "Incremental: a later run on the same OUT reads only the commits added since the last"
                    + " run and updates their rows (Parquet: adds files to events, commits, shiplog,"
                    + " state_nodes, pointers and findings, rewrites the other tables); with nothing new it prints 'up"
                    + " to date' and writes nothing. Rewritten or removed refs force a full rebuild,"
                    + " and so does --full.",
            "All or nothing: a failed run leaves the previous export and manifest as they were. One"
                    + " run per OUT at a time (OUT.lock). Progress goes to stderr, one summary"
                    + " line to stdout. Reads the ledger from Git without the row cache (no"
                    + " --no-cache needed): nothing is written into the ledger's git dir.",
            "With --format ndjson: writes one JSON object per event or shiplog message, in ULID"
                    + " order across all streams (schema ndjson-event-1.json), to --output or stdout:"
                    + " the events of the --ns namespaces and the messages of the --topics topics"
                    + " (neither: every event and every message; only one: only that kind), whose"
                    + " time is in [--since, --until). Each line carries the exact envelope bytes"
                    + " and source commit fields, so 'gatos import' can write them again. Not"
                    + " incremental, no manifest; the summary line goes to stderr so that stdout"
                    + " holds only NDJSON."
        },
        exitCodeList = {
            "0:Exported, or up to date.",
            "1:The run failed (unreadable ledger, output not written by gatos export or with other"
                    + " options, duplicate ULID, broken constraint, SQL or I/O error); the previous"
                    + " export is left as it was.",
            "2:Usage error or bad option: unsupported --format, invalid --where JSON, unknown"
                    + " table or column, missing repository, an option of the other formats (e.g."
                    + " --ns with sqlite, --out with ndjson), a bad --since/--until date.",
            ExitCodes.LOCKED_HELP
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos export --repo ledger.git --format sqlite --out ledger.sqlite",
            "  gatos export --repo ledger.git --format parquet --out ledger-parquet",
            "  gatos export --repo ledger.git --format sqlite --out orders.sqlite \\",
            "      --tables events,commits --where 'events={\"ns\":\"orders\"}' \\",
            "      --columns events:ns,kind,payload",
            "  gatos export --repo ledger.git --format ndjson --ns orders,billing \\",
            "      --since 2026-03-01 --until 2026-03-08 --output orders.ndjson.gz --gzip"
        })
public final class ExportCommand extends GatosSubcommand {
    @Mixin RepoOption repo;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            converter = ExportFormat.ExportConverter.class,
            description =
                    "The format: sqlite (one file), parquet (a directory) or ndjson (JSON lines of"
                            + " events and messages).")
    ExportFormat format;

    @Option(
            names = "--out",
            paramLabel = "OUT",
            description =
                    "sqlite, parquet (required): the SQLite file, or the Parquet directory, to create"
                            + " or bring up to date; OUT.manifest.json goes beside it.")
    Path out;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description =
                    "ndjson: the file to write (through a temporary file renamed at the end, so a"
                            + " failed run leaves an existing file as it was); - or absent: stdout.")
    String output;

    @Option(
            names = "--ns",
            split = ",",
            paramLabel = "NS",
            description = "ndjson: the namespaces whose events to export, comma-separated.")
    List<String> namespaces;

    @Option(
            names = "--topics",
            split = ",",
            paramLabel = "TOPIC",
            description = "ndjson: the shiplog topics whose messages to export, comma-separated.")
    List<String> topics;

    @Option(
            names = "--gzip",
            description = "ndjson: gzip the output.")
    boolean gzip;

    @Option(
            names = "--tables",
            split = ",",
            paramLabel = "TABLE",
            description = "The tables to export, comma-separated (default: every table).")
    List<String> tables;

    @Option(
            names = "--since",
            paramLabel = "SHA|DATE",
            description =
                    "sqlite, parquet: export only commits not reachable from this commit. ndjson:"
                            + " export only events at or after this time, a date (YYYY-MM-DD, UTC"
                            + " midnight) or an ISO instant (2026-03-01T12:00:00Z).")
    String since;

    @Option(
            names = "--until",
            paramLabel = "SHA|DATE",
            description =
                    "sqlite, parquet: export the ledger as of this commit (refs whose history holds"
                            + " it). ndjson: export only events before this time (exclusive), a"
                            + " date or an ISO instant.")
    String until;

    @Option(
            names = "--columns",
            paramLabel = "TABLE:C1,C2",
            description = {
                "The columns of one table to export (its primary key is always kept); repeatable.",
                "Example: --columns events:ns,kind,payload"
            })
    List<String> columns = new ArrayList<>();

    @Option(
            names = "--where",
            paramLabel = "TABLE=JSON",
            description = {
                "Export only the rows of TABLE whose columns equal the values of a JSON object (an"
                        + " array admits any of its values); repeatable.",
                "Example: --where 'events={\"ns\":\"orders\",\"kind\":[\"order.created\",\"order.paid\"]}'"
            })
    List<String> where = new ArrayList<>();

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Rows per committed batch (default: ${DEFAULT-VALUE}).")
    int batchSize = ExportOptions.DEFAULT_BATCH;

    @Option(
            names = "--full",
            description = "Rebuild the export from scratch instead of continuing the last run.")
    boolean full;

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            defaultValue = "auto",
            converter = ExportProgress.Mode.Converter.class,
            completionCandidates = ExportProgress.Mode.Converter.class,
            description = {
                "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                "auto: bar on a terminal, none otherwise; bar: 'exporting TABLE: N rows', redrawn;"
                        + " json: one {\"event\":\"export.progress\",...} line at most every 30 s"
                        + " and a last one with \"done\":true."
            })
    ExportProgress.Mode progress;

    @Override
    int run() throws UserException, IOException {
        if (format == ExportFormat.NDJSON) {
            return new NdjsonExportRun(this).run();
        }
        reject("--format " + format, "--output", "--ns", "--topics", "--gzip");
        if (out == null) {
            throw new UserException("--format " + format + " needs --out OUT");
        }
        Path ledger = Ledgers.existingDirectory(repo.path());
        ExportOptions options =
                new ExportOptions(
                        ledger,
                        out,
                        tables,
                        since,
                        until,
                        ExportFilters.columns(columns),
                        ExportFilters.where(where),
                        batchSize,
                        full,
                        null,
                        format == ExportFormat.PARQUET ? Format.PARQUET : Format.SQLITE);
        ExportProgress observer = ExportProgress.create(err(), progress);
        boolean ok = false;
        ExportResult result;
        try {
            result = Exporter.run(options.withObserver(observer));
            ok = true;
        } finally {
            observer.finish(ok);
        }
        out().println(result.summary());
        return ExitCodes.OK;
    }

    /** Fails when any of {@code options} was given on the command line, naming it and {@code context}. */
    void reject(String context, String... options) throws UserException {
        for (String option : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UserException(option + " does not go with " + context + "; see gatos export --help");
            }
        }
    }
}
