package io.gatos.sql.server.corpus;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.TimeZone;

/**
 * Renders a JDBC result as the lines of an expected block: one header line of {@code name TYPE}
 * pairs, then one line per row, cells separated by {@code |}. Every value is read through the JDBC
 * getter a client would use for its column type ({@code getTimestamp} with a UTC calendar,
 * {@code getBigDecimal}, {@code getLong}, {@code getDouble}, {@code getBoolean}, {@code getString})
 * and written canonically, so embedded and remote connections render the same result identically.
 * Reads the whole result set; the caller closes it.
 */
public final class ResultRendering {
    /** The cell separator. */
    public static final String SEPARATOR = "|";
    /** How SQL NULL is written. */
    public static final String NULL = "NULL";

    private static final ThreadLocal<Calendar> UTC =
            ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT));

    private ResultRendering() {
    }

    /** Returns the header line followed by one line per row of {@code rs}, in the order the rows came. */
    public static List<String> render(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> lines = new ArrayList<>();
        StringJoiner header = new StringJoiner(SEPARATOR);
        for (int i = 1; i <= n; i++) {
            header.add(escape(md.getColumnLabel(i)) + " " + typeName(md.getColumnType(i)));
        }
        lines.add(header.toString());
        while (rs.next()) {
            StringJoiner row = new StringJoiner(SEPARATOR);
            for (int i = 1; i <= n; i++) {
                row.add(cell(rs, i, md.getColumnType(i)));
            }
            lines.add(row.toString());
        }
        return List.copyOf(lines);
    }

    /** Returns the name of a {@link Types} constant ({@code VARCHAR}, {@code TIMESTAMP}, ...), or the number when unknown. */
    static String typeName(int type) {
        try {
            return java.sql.JDBCType.valueOf(type).getName();
        } catch (IllegalArgumentException e) {
            return "TYPE" + type;
        }
    }

    /** Reads and renders column {@code i} of the current row, which has JDBC type {@code type}. */
    static String cell(ResultSet rs, int i, int type) throws SQLException {
        String text = switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                java.sql.Timestamp ts = rs.getTimestamp(i, UTC.get());
                yield ts == null ? null : ts.toInstant().toString();
            }
            case Types.DATE -> {
                java.sql.Date d = rs.getDate(i, UTC.get());
                yield d == null ? null : Instant.ofEpochMilli(d.getTime()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
            }
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
                java.sql.Time t = rs.getTime(i, UTC.get());
                yield t == null ? null : Instant.ofEpochMilli(t.getTime()).atOffset(ZoneOffset.UTC).toLocalTime().toString();
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : Long.toString(v);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal v = rs.getBigDecimal(i);
                yield v == null ? null : v.toPlainString();
            }
            case Types.REAL -> {
                float v = rs.getFloat(i);
                yield rs.wasNull() ? null : Float.toString(v);
            }
            case Types.FLOAT, Types.DOUBLE -> {
                double v = rs.getDouble(i);
                yield rs.wasNull() ? null : Double.toString(v);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                yield rs.wasNull() ? null : Boolean.toString(v);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                byte[] v = rs.getBytes(i);
                yield v == null ? null : "x'" + HexFormat.of().formatHex(v) + "'";
            }
            case Types.ARRAY -> array(rs.getArray(i));
            default -> rs.getString(i);
        };
        return text == null ? NULL : escape(text);
    }

    private static String array(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (Object v : values) {
            out.add(v == null ? NULL : v.toString());
        }
        return out.toString();
    }

    /**
     * Writes {@code value} so that it fits one cell of one line and reads back unambiguously:
     * backslash, {@code |}, newline, carriage return and tab as {@code \\ \| \n \r \t}, other control
     * characters as {@code \}{@code uXXXX}, a space at either end as {@code \s}, the empty string as
     * {@code \empty} and the four letters NULL (a string, not SQL NULL) as {@code \NULL}.
     */
    public static String escape(String value) {
        if (value.isEmpty()) {
            return "\\empty";
        }
        if (value.equals(NULL)) {
            return "\\NULL";
        }
        int lead = 0;
        while (lead < value.length() && value.charAt(lead) == ' ') {
            lead++;
        }
        int trail = value.length();
        while (trail > lead && value.charAt(trail - 1) == ' ') {
            trail--;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        out.append("\\s".repeat(lead));
        for (int i = lead; i < trail; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append("\\s".repeat(value.length() - trail));
        return out.toString();
    }
}
