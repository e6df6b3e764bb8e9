package io.gatos.sql.server.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises an error to the message a user acts on, the same for the embedded driver and the
 * remote Avatica client. The embedded driver says {@code Error while executing SQL "<sql>": <message>};
 * the remote client wraps that in {@code Error -1 (00000) : Error while executing SQL "<sql>": Remote
 * driver error: RuntimeException: java.sql.SQLException: ...} and appends the server's chain of
 * causes as {@code -> SQLException: ... -> CalciteContextException: ...}. The normal form takes off,
 * repeatedly, every such wrapper from the front (the Avatica error code, the executing-SQL prefix
 * with the statement's own text, "Remote driver error: " and exception class names), then keeps the
 * first line up to the first appended cause. What remains is Calcite's message, position included,
 * e.g. {@code From line 1, column 15 to line 1, column 18: Object 'nope' not found}; the rest of a
 * multi-line message (a parser's list of expected tokens, a planner's dump) is dropped.
 */
public final class ErrorMessages {
    private static final Pattern AVATICA_CODE = Pattern.compile("^Error -?\\d+ \\([0-9A-Z]{5}\\) : ");
    private static final Pattern CLASS_NAME = Pattern.compile("^(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): ");
    private static final Pattern CAUSE = Pattern.compile(" -> (?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b");
    private static final String REMOTE = "Remote driver error: ";
    /** A planner node's id in a plan dump, different in every run ("id = 112976"). */
    private static final Pattern NODE_ID = Pattern.compile("\\bid = \\d+");

    private ErrorMessages() {
    }

    /**
     * Returns the normal form of the message of {@code error}, raised while running {@code sql}: one
     * line, or the class name when the error has no message.
     */
    public static String normalise(Throwable error, String sql) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        String executing = "Error while executing SQL \"" + sql + "\": ";
        String m = message.strip();
        String before;
        do {
            before = m;
            m = AVATICA_CODE.matcher(m).replaceFirst("");
            m = CLASS_NAME.matcher(m).replaceFirst("");
            if (m.startsWith(executing)) {
                m = m.substring(executing.length());
            }
            if (m.startsWith(REMOTE)) {
                m = m.substring(REMOTE.length());
            }
        } while (!m.equals(before));
        int newline = m.indexOf('\n');
        if (newline >= 0) {
            m = m.substring(0, newline);
        }
        Matcher cause = CAUSE.matcher(m);
        if (cause.find()) {
            m = m.substring(0, cause.start());
        }
        m = NODE_ID.matcher(m.strip()).replaceAll("id = N");
        return m.isEmpty() ? error.getClass().getSimpleName() : m;
    }

    /** Returns {@link #normalise} as the one line of an expected block. */
    public static List<String> lines(Throwable error, String sql) {
        return List.of(ResultRendering.escape(normalise(error, sql)));
    }
}
