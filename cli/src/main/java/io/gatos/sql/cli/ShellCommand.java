package io.gatos.sql.cli;

import io.gatos.sql.cli.options.CacheOption;
import io.gatos.sql.cli.options.RepoOption;
import io.gatos.sql.cli.output.TableWriter;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sqlline.SqlLine;

/** Opens an interactive sqlline session on a ledger, on the terminal's standard streams. */
@Command(
        name = "shell",
        description = {
            "Opens an interactive SQL session (sqlline) on a GATOS ledger.",
            "End each statement with ';'. Type !tables to list the tables, !help for the commands"
                + " and !quit to leave. History of terminal sessions is kept in ~/.sqlline/history."
        })
public final class ShellCommand extends GatosSubcommand {
    @Mixin RepoOption repo;
    @Mixin CacheOption cache;

    /** Where sqlline reads from; {@code null} (the default) means standard input. Set by tests. */
    InputStream input;

    @Override
    int run() throws Exception {
        Path directory = Ledgers.existingDirectory(repo.path());
        Ledgers.connect(directory, cache.enabled()).close(); // a bad repository exits 2 before sqlline starts
        out().flush();
        // Without a console (input piped in), sqlline reads the stream through a dumb terminal,
        // which lays out tables correctly; the system terminal would have no width.
        InputStream in = input != null || System.console() != null ? input : System.in;
        SqlLine.Status status = new SqlLine().begin(arguments(directory, cache.enabled()), in, in == null);
        return status == SqlLine.Status.OK ? ExitCodes.OK : ExitCodes.INPUT;
    }

    /** Returns sqlline's command line for a ledger directory. */
    /** Returns sqlline's command line for a ledger directory, without the row cache unless {@code cache}. */
    static String[] arguments(Path directory, boolean cache) {
        return new String[] {
            "-d",
            Ledgers.DRIVER,
            "-u",
            Ledgers.url(directory, cache),
            "-n",
            "",
            "-p",
            "",
            "--isolation=TRANSACTION_NONE", // sqlline's default level makes it print a warning
            "--maxColumnWidth=" + TableWriter.MAX_CELL,
            "--nullValue=NULL",
            "--prompt=gatos> "
        };
    }
}
