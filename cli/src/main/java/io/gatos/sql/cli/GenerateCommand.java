package io.gatos.sql.cli;

import io.gatos.sql.cli.progress.GenerateProgress;
import io.gatos.sql.writer.sample.SampleLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Writes a sample ledger, a new bare Git repository, with progress on stderr. */
@Command(
        name = "generate",
        description = {
            "Writes a sample GATOS ledger, a new bare Git repository.",
            "It holds journal events, shiplog messages, consumer and state checkpoints, jobs and"
                    + " governance proposals. Progress goes to stderr, a summary line to stdout."
        })
public final class GenerateCommand extends GatosSubcommand {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "PATH",
            description =
                    "Where to create the repository; must not exist or be an empty directory.")
    Path ledger;

    @Option(
            names = "--events",
            required = true,
            paramLabel = "N",
            description = "How many journal events to write (at least 1).")
    int events;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of the pseudo-random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int run() throws UserException, IOException {
        requirePositive(spec, events);
        generate(ledger, events, seed, err(), out());
        return ExitCodes.OK;
    }

    /** Fails with a usage error (exit 2) unless {@code events} is at least 1. */
    static void requirePositive(CommandSpec spec, int events) {
        if (events < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--events must be at least 1, was " + events);
        }
    }

    /**
     * Generates a ledger at {@code target} (which must be missing or an empty directory), reporting
     * progress on {@code err} and a summary line on {@code out}; costly: writes every object.
     */
    static SampleLedger.Summary generate(
            Path target, int events, long seed, PrintWriter err, PrintWriter out)
            throws UserException, IOException {
        Path path = target.toAbsolutePath().normalize();
        requireMissingOrEmpty(path);
        GenerateProgress progress = GenerateProgress.forConsole(err, events);
        SampleLedger.Summary summary;
        try {
            summary = SampleLedger.generate(path, events, seed, progress);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        out.println(describe(path, summary));
        out.flush();
        return summary;
    }

    /** Fails naming the path unless it is missing or an empty directory. */
    static void requireMissingOrEmpty(Path path) throws UserException, IOException {
        if (!isMissingOrEmpty(path)) {
            throw new UserException(
                    "--out exists and is not an empty directory: "
                            + path
                            + "; choose another path or remove it");
        }
    }

    /** Tells whether nothing is at {@code path} or an empty directory is. */
    static boolean isMissingOrEmpty(Path path) throws IOException {
        if (!Files.exists(path)) {
            return true;
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String describe(Path path, SampleLedger.Summary s) {
        return String.format(
                Locale.ROOT,
                "wrote %s events to %s: %s journals, %s topics, %s messages, %s checkpoints, %s"
                        + " jobs, %s proposals (%.1f s)",
                s.events(),
                path,
                s.journals(),
                s.topics(),
                s.messages(),
                s.checkpoints(),
                s.jobs(),
                s.proposals(),
                s.elapsed().toMillis() / 1000.0);
    }
}
