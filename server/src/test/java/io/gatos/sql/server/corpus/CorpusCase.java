package io.gatos.sql.server.corpus;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Holds one case of a corpus file: what to run and what it must give.
 *
 * @param file     the file's name, for reports
 * @param line     the 1-based line of the case's header
 * @param kind     what the case expects: rows in order, rows in any order, or an error
 * @param sql      the statement, its lines joined with {@code \n}, exactly as written (a trailing
 *                 {@code ;} included)
 * @param expected the expected block: for queries the header line and one line per row, for errors
 *                 the lines of the message; empty when the case has not been recorded yet
 * @param bodyFrom the 0-based index of the first line after the SQL (the {@code ----} line, if any)
 * @param end      the 0-based index of the line that ends the case (a blank line, or the line count)
 */
public record CorpusCase(String file, int line, Kind kind, String sql, List<String> expected, int bodyFrom, int end) {
    /** What a case expects. */
    public enum Kind {
        /** Rows in the order the statement returns them (the statement orders them on a unique key). */
        QUERY("query"),
        /** Rows in any order: both sides are sorted line by line before comparing. */
        QUERY_ROWSORT("query rowsort"),
        /** An error, compared by its normalised message (see {@link ErrorMessages}). */
        ERROR("error"),
        /**
         * Rows in order that the engine does not give yet: the block is the right answer, computed
         * independently. Every way must give what the reference way gives, and the run fails once the
         * reference gives the block, so that the header then becomes {@code query}.
         */
        KNOWN_WRONG("query known-wrong");

        private final String header;

        Kind(String header) {
            this.header = header;
        }

        /** Returns the header line that introduces such a case. */
        public String header() {
            return header;
        }

        /** Returns the kind a header line names, or null when it names none. */
        static Kind ofHeader(String line) {
            String h = line.strip().replaceAll("\\s+", " ");
            for (Kind k : values()) {
                if (k.header.equals(h)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Checks the parts. */
    public CorpusCase {
        requireNonNull(file, "file");
        requireNonNull(kind, "kind");
        requireNonNull(sql, "sql");
        expected = List.copyOf(expected);
    }

    /** Returns this case with {@code newExpected} as its expected block. */
    public CorpusCase withExpected(List<String> newExpected) {
        return new CorpusCase(file, line, kind, sql, newExpected, bodyFrom, end);
    }

    /** Returns {@code file:line}, how reports name the case. */
    public String where() {
        return file + ":" + line;
    }
}
