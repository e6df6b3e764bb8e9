package io.gatos.sql.cli;

import io.gatos.sql.materialize.MaterializeException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Runs a subcommand body and turns its failures into the documented exit codes: {@link
 * UserException} and {@link SQLException} exit 2, a {@link MaterializeException} per {@link
 * ExitCodes#of}, anything else 1, each with a one-line message on stderr and a stack trace only
 * with {@code --verbose}.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.INTERNAL_HELP, ExitCodes.INPUT_HELP})
abstract class GatosSubcommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Does the subcommand's work and returns its exit code. */
    abstract int run() throws Exception;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ParameterException e) {
            throw e; // picocli reports it with the usage help and exit code 2
        } catch (UserException e) {
            return fail(e.getMessage(), e, ExitCodes.INPUT);
        } catch (MaterializeException e) {
            return fail(e.getMessage(), e, ExitCodes.of(e));
        } catch (SQLException e) {
            return fail("SQL error: " + SqlErrors.message(e, verbose()), e, ExitCodes.INPUT);
        } catch (Exception e) {
            return fail(
                    "internal error: "
                            + e
                            + (verbose() ? "" : " (run with --verbose for the stack trace)"),
                    e,
                    ExitCodes.INTERNAL);
        } finally {
            out().flush();
        }
    }

    /** Returns where results go: picocli's output writer (standard output unless redirected). */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Returns where progress and errors go: picocli's error writer. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Tells whether {@code --verbose} was given before or after the subcommand name. */
    final boolean verbose() {
        OptionSpec option = spec.findOption("--verbose");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /** Prints {@code message} as one {@code gatos <name>: } line on stderr and returns {@code code}. */
    final int fail(String message, Exception e, int code) {
        out().flush();
        err().println("gatos " + spec.name() + ": " + message);
        if (verbose()) {
            e.printStackTrace(err());
        }
        err().flush();
        return code;
    }
}
