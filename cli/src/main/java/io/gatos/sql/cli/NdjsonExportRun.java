package io.gatos.sql.cli;

import io.gatos.sql.cli.progress.ExportProgress;
import io.gatos.sql.materialize.ndjson.NdjsonExporter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs {@code gatos export --format ndjson}: checks its options and writes the selected lines. */
final class NdjsonExportRun {
    private final ExportCommand command;

    NdjsonExportRun(ExportCommand command) {
        this.command = command;
    }

    /** Writes the selected events and messages as NDJSON; the summary goes to stderr. */
    int run() throws UserException, IOException {
        command.reject("--format ndjson (use --output FILE)", "--out");
        command.reject("--format ndjson", "--tables", "--columns", "--where", "--batch-size", "--full");
        NdjsonExporter.Selection selection = selection();
        Path ledger = Ledgers.existingDirectory(command.repo.path());
        ExportProgress observer = ExportProgress.create(command.err(), command.progress);
        long start = System.nanoTime();
        boolean ok = false;
        NdjsonExporter.Result result;
        try {
            result = export(ledger, selection, observer);
            ok = true;
        } finally {
            observer.finish(ok);
        }
        command.err().println(String.format(Locale.ROOT, "Exported %d events from %d streams in %.1f s",
                result.lines(), result.streams(), (System.nanoTime() - start) / 1e9));
        command.err().flush();
        return ExitCodes.OK;
    }

    /** Returns the selection of the --ns, --topics, --since and --until options. */
    private NdjsonExporter.Selection selection() throws UserException {
        Instant from = instant("--since", command.since);
        Instant to = instant("--until", command.until);
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserException("--since " + command.since + " is after --until " + command.until);
        }
        return new NdjsonExporter.Selection(
                names("--ns", command.namespaces), names("--topics", command.topics), from, to);
    }

    /** Exports to --output, or to stdout (as raw bytes when gzipped). */
    private NdjsonExporter.Result export(Path ledger, NdjsonExporter.Selection selection, ExportProgress observer)
            throws IOException {
        String output = command.output;
        if (output != null && !output.equals("-")) {
            return NdjsonExporter.exportToFile(ledger, selection, Path.of(output), command.gzip, observer);
        }
        if (command.gzip) {
            command.out().flush();
            OutputStream stdout = new FileOutputStream(FileDescriptor.out);
            NdjsonExporter.Result result = NdjsonExporter.export(ledger, selection, stdout, true, null, observer);
            stdout.flush();
            return result;
        }
        return NdjsonExporter.export(ledger, selection, command.out(), null, observer);
    }

    /** Parses a --since/--until value: a date (UTC midnight), an ISO instant or offset date-time; null stays null. */
    private static Instant instant(String option, String value) throws UserException {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new UserException(option + " expects a date (2026-03-01, UTC) or an ISO instant"
                        + " (2026-03-01T12:00:00Z), not '" + value + "'");
            }
        }
    }

    /** Returns the stripped names of a comma-separated option (null when not given); refuses empty names. */
    private static List<String> names(String option, List<String> values) throws UserException {
        if (values == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String value : values) {
            String name = value.strip();
            if (name.isEmpty()) {
                throw new UserException(option + " has an empty name; give names separated by commas");
            }
            names.add(name);
        }
        return names;
    }
}
