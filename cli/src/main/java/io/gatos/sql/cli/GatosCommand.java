package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.gatos.sql.cli.options.JarVersion;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Defines the top-level {@code gatos} command, which only dispatches to its subcommands; {@link
 * #main} runs it with UTF-8 standard streams and exits with the subcommand's exit code.
 */
@Command(
        name = "gatos",
        mixinStandardHelpOptions = true,
        versionProvider = JarVersion.class,
        description =
                "Queries GATOS ledgers (Git repositories with data under refs/gatos/**) with SQL and"
                        + " exports them to SQLite, or serves them to remote JDBC clients.",
        subcommands = {
            SqlCommand.class,
            ShellCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            ExportCommand.class,
            VerifyCommand.class,
            MaterializeCommand.class,
            ImportCommand.class,
            ServeCommand.class,
            PasswdCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos demo",
            "  gatos sql --repo demo-ledger.git --format csv \"SELECT * FROM jobs\"",
            "  gatos shell --repo demo-ledger.git",
            "  gatos export --repo demo-ledger.git --format sqlite --out demo.sqlite",
            "  gatos verify --repo demo-ledger.git demo.sqlite",
            "  gatos serve --repo demo-ledger.git"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_HELP,
            ExitCodes.INTERNAL_HELP,
            ExitCodes.INPUT_HELP,
            ExitCodes.LOCKED_HELP + " (export, materialize)",
            ExitCodes.MISMATCH_HELP + " (verify)"
        })
public final class GatosCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    boolean verbose;

    /** Prints the usage help, since {@code gatos} without a subcommand has nothing to do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and exits the JVM with its exit code; standard output and error are
     * written as UTF-8 whatever the platform encoding. Whatever fails is one line on stderr.
     */
    public static void main(String[] args) {
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int code;
        try {
            code = new CommandLine(new GatosCommand()).setOut(out).setErr(err).execute(args);
        } catch (RuntimeException | Error e) { // outside a subcommand's body: still one line
            err.println("gatos: internal error: " + e + " (a bug; please report it with the command line)");
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), UTF_8), true);
    }
}
