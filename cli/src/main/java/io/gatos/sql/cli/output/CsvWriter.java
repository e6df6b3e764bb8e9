package io.gatos.sql.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Prints RFC 4180 CSV: a header row, CRLF line ends, fields quoted only when they hold a comma,
 * quote, CR or LF (quotes doubled). NULL is an empty field; an empty string is {@code ""}, so the
 * two stay distinguishable.
 */
final class CsvWriter implements ResultWriter {
    private static final String CRLF = "\r\n";

    @Override
    public long write(ResultSet rs, Writer out) throws SQLException, IOException {
        List<ResultColumn> columns = ResultColumn.of(rs.getMetaData());
        for (int i = 0; i < columns.size(); i++) {
            field(out, i, columns.get(i).label());
        }
        out.write(CRLF);
        long rows = 0;
        while (rs.next()) {
            for (int i = 0; i < columns.size(); i++) {
                field(out, i, ResultColumn.text(columns.get(i).read(rs)));
            }
            out.write(CRLF);
            rows++;
        }
        out.flush();
        return rows;
    }

    private static void field(Writer out, int position, String value) throws IOException {
        if (position > 0) {
            out.write(',');
        }
        if (value != null) {
            out.write(quote(value));
        }
    }

    /** Returns a non-null field as it appears in CSV, quoted when needed. */
    static String quote(String value) {
        boolean needsQuotes =
                value.isEmpty()
                        || value.indexOf(',') >= 0
                        || value.indexOf('"') >= 0
                        || value.indexOf('\r') >= 0
                        || value.indexOf('\n') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
