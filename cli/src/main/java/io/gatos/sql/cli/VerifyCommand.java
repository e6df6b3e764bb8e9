package io.gatos.sql.cli;

import io.gatos.sql.cli.options.RepoOption;
import io.gatos.sql.materialize.export.Verifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Checks an export written by {@code gatos export} against its manifest and the ledger. */
@Command(
        name = "verify",
        description = {
            "Checks an export written by 'gatos export' (an SQLite file or a Parquet directory)"
                    + " against its manifest (EXPORT.manifest.json) and the ledger.",
            "Recomputes the Explorer-Root from the repository, the row counts and digests from the"
                    + " file (Parquet: every file's size, BLAKE3 digest and footer row count, and no"
                    + " unlisted .parquet file), and tells which part differs: the extractor changed,"
                    + " the repository advanced since the export, or the export was altered.",
            "Prints one line per check ('ok' or 'FAIL', the part, the detail), then 'verified:"
                    + " match' or 'verified: MISMATCH (PARTS)'. Writes nothing."
        },
        exitCodeList = {
            "0:Match: every check passed.",
            "1:The checks could not run: unreadable ledger, or EXPORT has no manifest (it was not"
                    + " written by gatos export).",
            "2:Usage error, missing repository or missing EXPORT.",
            ExitCodes.MISMATCH_HELP
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos verify --repo ledger.git ledger.sqlite",
            "  gatos verify --repo ledger.git ledger-parquet"
        })
public final class VerifyCommand extends GatosSubcommand {
    @Mixin RepoOption repo;

    @Parameters(
            paramLabel = "EXPORT",
            description = "The SQLite file or Parquet directory written by 'gatos export'.")
    Path export;

    @Override
    int run() throws UserException {
        Verifier.Report report = Verifier.verify(Ledgers.existingDirectory(repo.path()), export);
        return print(report, out()) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    /** Prints one line per check of {@code report}, then the verdict; returns whether it matched. */
    static boolean print(Verifier.Report report, PrintWriter out) {
        int width =
                report.checks().stream().mapToInt(check -> check.part().length()).max().orElse(1);
        for (Verifier.Check check : report.checks()) {
            out.printf(
                    "%-4s %-" + width + "s  %s%n",
                    check.ok() ? "ok" : "FAIL",
                    check.part(),
                    check.detail());
        }
        if (report.ok()) {
            out.println("verified: match");
            return true;
        }
        out.println(
                "verified: MISMATCH ("
                        + report.failures().stream()
                                .map(Verifier.Check::part)
                                .collect(Collectors.joining(", "))
                        + ")");
        return false;
    }
}
