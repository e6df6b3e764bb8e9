package io.gatos.sql.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Declares the {@code --repo PATH} option shared by the commands that read one ledger. */
public final class RepoOption {
    @Option(
            names = "--repo",
            required = true,
            paramLabel = "PATH",
            description = "The ledger: a Git repository with refs under refs/gatos/.")
    Path path;

    /** Returns the ledger path as given on the command line. */
    public Path path() {
        return path;
    }
}
