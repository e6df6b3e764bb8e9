package io.gatos.sql.cli.options;

import picocli.CommandLine.Option;

/** Declares the {@code --no-cache} option of the commands that query a ledger through the row cache. */
public final class CacheOption {
    @Option(
            names = "--no-cache",
            description = {
                "Read every event from Git and write nothing to the row cache (<git dir>/gatos-sql/)."
                        + " Without it, a cache that cannot be written (read-only or full disk) is"
                        + " skipped with one warning on standard error."
            })
    boolean off;

    /** Returns whether the row cache is used. */
    public boolean enabled() {
        return !off;
    }
}
