package io.gatos.sql.cli;

import io.gatos.sql.cli.options.JarVersion;
import io.gatos.sql.materialize.MaterializeException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a subcommand body and turns every failure, a {@code java.lang.Error} included, into the
 * exit code of its kind ({@link ExitCodes#of}) with a one-line message on stderr and a stack trace
 * only with {@code --verbose}.
 */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = JarVersion.class,
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
        } catch (UserException | MaterializeException e) {
            return fail(e.getMessage(), e, ExitCodes.of(e));
        } catch (SQLException e) {
            return fail("SQL error: " + SqlErrors.message(e, verbose()), e, ExitCodes.of(e));
        } catch (Exception | Error e) { // an Error too: never "Exception in thread main"
            return fail(internalMessage(e), e, ExitCodes.of(e));
        } finally {
            out().flush();
        }
    }

    /**
     * Returns what reports {@code failure}: its message when it is bad input, else one line naming
     * it as an internal error.
     */
    final String internalMessage(Throwable failure) {
        if (ExitCodes.of(failure) != ExitCodes.INTERNAL && failure.getMessage() != null) {
            return failure.getMessage().strip();
        }
        String text = failure.toString().strip();
        int newline = text.indexOf('\n');
        return "internal error: " + (newline < 0 ? text : text.substring(0, newline))
                + (verbose() ? "" : " (run with --verbose for the stack trace)");
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
    final int fail(String message, Throwable e, int code) {
        out().flush();
        err().println("gatos " + spec.name() + ": " + message);
        if (verbose()) {
            e.printStackTrace(err());
        }
        err().flush();
        return code;
    }
}
