package io.gatos.sql.cli;

import io.gatos.sql.cli.options.RepoOption;
import io.gatos.sql.materialize.ndjson.ImportException;
import io.gatos.sql.materialize.ndjson.NdjsonImporter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Appends the events of an NDJSON export ({@code gatos export --format ndjson}) to a repository. */
@Command(
        name = "import",
        description = {
            "Appends each line's event or message of an NDJSON export to the same ref (journal or"
                    + " shiplog topic) of the target repository, keeping the envelope byte for byte"
                    + " (same Event-CID, ULID and payload).",
            "A stream imported contiguously from position 0 into a target where its ref is absent"
                    + " reproduces the source commits exactly (same commit ids). Other commits are"
                    + " new and carry Source-Pos and Source-Commit trailers.",
            "An event whose envelope has no readable ULID is imported byte for byte in its place, with a"
                    + " warning on stderr naming its line.",
            "A duplicate ULID, a malformed line, a ULID out of order within its stream or a ref"
                    + " that moved meanwhile aborts the import, naming the line, and then no ref"
                    + " moves. Gzip input is detected. Prints 'Imported N events into K streams in"
                    + " T'."
        },
        exitCodeList = {
            "0:Imported (an empty input imports nothing).",
            "1:Aborted: the line and the reason on stderr; no ref moved. Also internal errors.",
            "2:Usage error: missing or non-Git repository, unreadable input."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos import --repo local.git --input prod-window.ndjson.gz",
            "  gatos export --format ndjson --repo prod.git --ns orders | gatos import --repo local.git"
        })
public final class ImportCommand extends GatosSubcommand {
    @Mixin RepoOption repo;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            defaultValue = "-",
            description = "The NDJSON file, plain or gzip, read once as a stream (a pipe or FIFO too); '-' (the"
                    + " default) reads standard input.")
    String input;

    @Option(
            names = "--progress-every",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Lines between progress reports on stderr, shown only on a terminal (default: ${DEFAULT-VALUE}).")
    int progressEvery;

    @Option(
            names = "--max-line-bytes",
            paramLabel = "N",
            defaultValue = "67108864",
            description = "The longest line read (bytes, after gzip); a longer one aborts the import, naming it"
                    + " (default: ${DEFAULT-VALUE}, 64 MiB). Memory holds one line at a time.")
    long maxLineBytes;

    @Override
    int run() throws UserException, IOException {
        if (maxLineBytes < 1) {
            throw new UserException("--max-line-bytes must be at least 1, not " + maxLineBytes);
        }
        Path target = Ledgers.existingDirectory(repo.path());
        boolean terminal = System.console() != null;
        PrintWriter err = err();
        LongConsumer progress = terminal ? lines -> {
            err.print("\rimporting: " + lines + " lines");
            err.flush();
        } : null;
        NdjsonImporter.Result result;
        try (InputStream in = open()) {
            result = NdjsonImporter.run(target, in, progressEvery, progress, maxLineBytes);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + "\n" + Ledgers.HINT, e);
        } catch (ImportException e) {
            endProgressLine(terminal);
            return fail("aborted, no ref moved: " + e.getMessage(), e, ExitCodes.INTERNAL);
        }
        endProgressLine(terminal);
        for (String warning : result.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        out().println("Imported " + result.events() + " events into " + result.streams() + " streams in "
                + format(result.took()));
        return ExitCodes.OK;
    }

    private void endProgressLine(boolean terminal) {
        if (terminal) {
            err().println();
        }
    }

    private InputStream open() throws UserException {
        if (input.equals("-")) {
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input belongs to the process, not to this command
                }
            };
        }
        Path file = Path.of(input);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UserException("cannot read --input " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    /** Formats a duration as seconds with millisecond precision, e.g. {@code 1.234 s}. */
    static String format(Duration took) {
        return String.format(Locale.ROOT, "%.3f s", took.toNanos() / 1e9);
    }
}
