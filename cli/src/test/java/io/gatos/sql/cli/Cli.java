package io.gatos.sql.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code gatos} in-process with captured output.
 *
 * @param exitCode what {@link CommandLine#execute} returned
 * @param out everything printed to standard output
 * @param err everything printed to standard error
 */
record Cli(int exitCode, String out, String err) {
    /** Runs the command line and captures its exit code and streams. */
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                new CommandLine(new GatosCommand())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs {@code base} followed by {@code extra}. */
    static Cli run(List<String> base, String... extra) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }
}
