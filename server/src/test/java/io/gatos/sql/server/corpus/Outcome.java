package io.gatos.sql.server.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what one statement gave on one connection: the rendered result (header line, then rows) or
 * the line of its normalised error message.
 *
 * @param failed whether the statement failed
 * @param lines  the rendered result, or the one line of the error message
 */
public record Outcome(boolean failed, List<String> lines) {
    /** Copies the lines. */
    public Outcome {
        lines = List.copyOf(lines);
    }

    /**
     * Runs {@code c}'s SQL on {@code connection} with a new statement and renders what it gives; rows
     * of a {@code query rowsort} case are sorted. Costs one statement execution.
     */
    public static Outcome run(Connection connection, CorpusCase c) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(c.sql())) {
            List<String> lines = ResultRendering.render(rs);
            return new Outcome(false, c.kind() == CorpusCase.Kind.QUERY_ROWSORT ? sortRows(lines) : lines);
        } catch (SQLException | RuntimeException | AssertionError e) {
            // the embedded driver raises some errors of evaluation while fetching, unchecked, and
            // Calcite's own assertions (on under test) catch some planner bugs: outcomes to report
            return new Outcome(true, ErrorMessages.lines(e, c.sql()));
        }
    }

    /** Returns {@code lines} with every line but the first (the header) sorted. */
    public static List<String> sortRows(List<String> lines) {
        if (lines.size() < 3) {
            return lines;
        }
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(null);
        List<String> out = new ArrayList<>(lines.size());
        out.add(lines.get(0));
        out.addAll(rows);
        return out;
    }

    /** Returns whether this outcome is what {@code c} expects. */
    public boolean matches(CorpusCase c) {
        List<String> expected = c.kind() == CorpusCase.Kind.QUERY_ROWSORT ? sortRows(c.expected()) : c.expected();
        return failed == (c.kind() == CorpusCase.Kind.ERROR) && lines.equals(expected); // known-wrong: as query
    }

    /** Returns the outcome as it would be recorded, prefixed to show an unexpected error or result. */
    public String describe() {
        return (failed ? "error:\n" : "rows:\n") + String.join("\n", lines);
    }
}
