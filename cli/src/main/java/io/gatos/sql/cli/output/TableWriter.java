package io.gatos.sql.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an aligned text table: a header, a rule, the rows and a {@code (N rows)} footer. Numbers
 * are right-aligned, NULL prints as {@code NULL}, control characters as escapes ({@code \n}), and
 * cells longer than {@value #MAX_CELL} characters are cut with an ellipsis. Column widths come from
 * the first {@value #BUFFERED_ROWS} rows, the only ones held in memory; later, wider cells are
 * printed whole and shift the rest of their line.
 */
public final class TableWriter implements ResultWriter {
    public static final int MAX_CELL = 80;
    static final int BUFFERED_ROWS = 10_000;
    private static final String NULL = "NULL";

    private final int bufferedRows;

    public TableWriter() {
        this(BUFFERED_ROWS);
    }

    /** Creates a writer that sizes columns from the first {@code bufferedRows} rows. */
    TableWriter(int bufferedRows) {
        if (bufferedRows < 1) {
            throw new IllegalArgumentException("bufferedRows must be positive: " + bufferedRows);
        }
        this.bufferedRows = bufferedRows;
    }

    @Override
    public long write(ResultSet rs, Writer out) throws SQLException, IOException {
        List<ResultColumn> columns = ResultColumn.of(rs.getMetaData());
        List<String[]> buffer = new ArrayList<>();
        while (buffer.size() < bufferedRows && rs.next()) {
            buffer.add(cells(columns, rs));
        }
        int[] widths = widths(columns, buffer);
        String[] header = columns.stream().map(c -> cell(c.label())).toArray(String[]::new);
        line(out, columns, widths, header);
        rule(out, widths);
        for (String[] row : buffer) {
            line(out, columns, widths, row);
        }
        long rows = buffer.size();
        buffer.clear();
        while (rs.next()) {
            line(out, columns, widths, cells(columns, rs));
            rows++;
        }
        out.write(rows == 1 ? "(1 row)\n" : "(" + rows + " rows)\n");
        out.flush();
        return rows;
    }

    private static String[] cells(List<ResultColumn> columns, ResultSet rs) throws SQLException {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            String text = ResultColumn.text(columns.get(i).read(rs));
            cells[i] = text == null ? NULL : cell(text);
        }
        return cells;
    }

    /** Returns text as it fits in a cell: control characters escaped, at most MAX_CELL long. */
    static String cell(String text) {
        StringBuilder cell = new StringBuilder(Math.min(text.length(), MAX_CELL + 8));
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String piece = escape(cp);
            int pieceLength = piece.codePointCount(0, piece.length());
            if (length + pieceLength > MAX_CELL
                    || (length + pieceLength == MAX_CELL && i < text.length())) {
                return cell.append('\u2026').toString();
            }
            cell.append(piece);
            length += pieceLength;
        }
        return cell.toString();
    }

    private static String escape(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                    Character.isISOControl(cp)
                            ? String.format("\\u%04x", cp)
                            : new String(Character.toChars(cp));
        };
    }

    private static int[] widths(List<ResultColumn> columns, List<String[]> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(cell(columns.get(i).label()));
        }
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        return widths;
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }

    private static void line(Writer out, List<ResultColumn> columns, int[] widths, String[] cells)
            throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String padding = " ".repeat(Math.max(0, widths[i] - width(cells[i])));
            line.append(i == 0 ? " " : " | ");
            boolean numeric = columns.get(i).kind().numeric();
            line.append(numeric ? padding + cells[i] : cells[i] + padding);
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }

    private static void rule(Writer out, int[] widths) throws IOException {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        out.write(rule.toString());
        out.write('\n');
    }
}
