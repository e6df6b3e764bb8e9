package io.gatos.sql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.gatos.sql.materialize.ExportOptions;
import io.gatos.sql.materialize.ExportResult;
import io.gatos.sql.materialize.Exporter;
import io.gatos.sql.materialize.Format;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exports ledger tables into an SQLite file or a Parquet dataset, incrementally, with progress on stderr. */
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
                    + " line to stdout."
        },
        exitCodeList = {
            "0:Exported, or up to date.",
            "1:The run failed (unreadable ledger, output not written by gatos export or with other"
                    + " options, duplicate ULID, broken constraint, SQL or I/O error); the previous"
                    + " export is left as it was.",
            "2:Usage error or bad option: unsupported --format, invalid --where JSON, unknown"
                    + " table or column, missing repository.",
            ExitCodes.LOCKED_HELP
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos export --repo ledger.git --format sqlite --out ledger.sqlite",
            "  gatos export --repo ledger.git --format parquet --out ledger-parquet",
            "  gatos export --repo ledger.git --format sqlite --out orders.sqlite \\",
            "      --tables events,commits --where 'events={\"ns\":\"orders\"}' \\",
            "      --columns events:ns,kind,payload"
        })
public final class ExportCommand extends GatosSubcommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin RepoOption repo;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            converter = ExportFormat.Converter.class,
            description = "The format: sqlite (one file) or parquet (a directory).")
    ExportFormat format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT",
            description =
                    "The SQLite file, or the Parquet directory, to create or bring up to date;"
                            + " OUT.manifest.json goes beside it.")
    Path out;

    @Option(
            names = "--tables",
            split = ",",
            paramLabel = "TABLE",
            description = "The tables to export, comma-separated (default: every table).")
    List<String> tables;

    @Option(
            names = "--since",
            paramLabel = "SHA",
            description = "Export only commits not reachable from this commit.")
    String since;

    @Option(
            names = "--until",
            paramLabel = "SHA",
            description = "Export the ledger as of this commit (refs whose history holds it).")
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
    int run() throws UserException {
        Path ledger = Ledgers.existingDirectory(repo.path);
        ExportOptions options =
                new ExportOptions(
                        ledger,
                        out,
                        tables,
                        since,
                        until,
                        columns(),
                        where(),
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

    /** Parses every {@code --columns TABLE:C1,C2}; a table given twice gets the columns of both. */
    private Map<String, List<String>> columns() throws UserException {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String value : columns) {
            int colon = value.indexOf(':');
            List<String> names =
                    colon < 0
                            ? List.of()
                            : Arrays.stream(value.substring(colon + 1).split(","))
                                    .map(String::strip)
                                    .filter(name -> !name.isEmpty())
                                    .toList();
            if (colon < 1 || names.isEmpty()) {
                throw new UserException(
                        "--columns expects TABLE:C1,C2 (e.g. events:ns,kind), not '"
                                + value
                                + "'");
            }
            parsed.computeIfAbsent(value.substring(0, colon).strip(), t -> new ArrayList<>())
                    .addAll(names);
        }
        return parsed;
    }

    /** Parses every {@code --where TABLE=JSON} with Jackson; a table may be given only once. */
    private Map<String, JsonNode> where() throws UserException {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        for (String value : where) {
            int equals = value.indexOf('=');
            if (equals < 1) {
                throw new UserException(
                        "--where expects TABLE=JSON (e.g. events={\"ns\":\"orders\"}), not '"
                                + value
                                + "'");
            }
            String table = value.substring(0, equals).strip();
            JsonNode json;
            try {
                json = JSON.readTree(value.substring(equals + 1));
            } catch (JsonProcessingException e) {
                throw new UserException(
                        "--where "
                                + table
                                + ": invalid JSON: "
                                + e.getOriginalMessage()
                                + " in '"
                                + value.substring(equals + 1)
                                + "'");
            }
            if (parsed.put(table, json) != null) {
                throw new UserException(
                        "--where names table '"
                                + table
                                + "' twice; put all its columns in one JSON object");
            }
        }
        return parsed;
    }
}
