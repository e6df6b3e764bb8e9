package io.gatos.sql.server;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Reads a table as Spark's JDBC source does, without Spark ({@code JdbcUtils.getSchema} and
 * {@code JDBCRDD.compute}): the schema from {@code SELECT * FROM source WHERE 1=0} (label, type,
 * precision and scale per column), then every row from a prepared, forward-only statement that
 * names the columns in double quotes, with the reader's fetch size; each value through the getter
 * Spark uses for the column's type. Rows come back as values, and as text to compare
 * ({@link #render}).
 */
final class SparkStyleReader {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private SparkStyleReader() {
    }

    /** One column of a source as the schema query reports it. */
    record Column(String label, int jdbcType, int precision, int scale) {
        /**
         * Returns the type Spark declares for this column in a copy: {@code JdbcUtils.getCatalystType}
         * (VARCHAR(p) becomes {@code VarcharType(p)}, DECIMAL with precision and scale 0 becomes
         * {@code DECIMAL(38,18)}, larger ones are bounded to 38 digits), then the common JDBC type of
         * that Catalyst type, spelt for DuckDB.
         */
        String copyType() {
            return switch (jdbcType) {
                case Types.VARCHAR -> "VARCHAR(" + precision + ")";
                case Types.CHAR -> "CHAR(" + precision + ")";
                case Types.DECIMAL, Types.NUMERIC -> precision == 0 && scale == 0 ? "DECIMAL(38,18)"
                        : "DECIMAL(" + Math.min(Math.max(precision, scale), 38) + "," + Math.min(scale, 38) + ")";
                case Types.BIGINT -> "BIGINT";
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "INTEGER";
                case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
                case Types.DOUBLE, Types.FLOAT, Types.REAL -> "DOUBLE";
                case Types.TIMESTAMP -> "TIMESTAMP";
                case Types.DATE -> "DATE";
                default -> throw new IllegalArgumentException("Spark maps no type for " + this);
            };
        }
    }

    /** Returns the schema of {@code source} (a table, or a parenthesised query with an alias). */
    static List<Column> schema(Connection c, String source) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + source + " WHERE 1=0");
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getPrecision(i), md.getScale(i)));
            }
            return columns;
        }
    }

    /** Reads every row of {@code source} with fetch size {@code fetchSize}. */
    static List<List<Object>> rows(Connection c, String source, List<Column> schema, int fetchSize)
            throws SQLException {
        String columns = schema.stream().map(col -> '"' + col.label() + '"').collect(Collectors.joining(","));
        try (PreparedStatement st = c.prepareStatement("SELECT " + columns + " FROM " + source,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(fetchSize);
            try (ResultSet rs = st.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= schema.size(); i++) {
                        row.add(value(rs, i, schema.get(i - 1).jdbcType()));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** Reads column {@code i} of the current row through the getter for {@code jdbcType}; null for SQL NULL. */
    static Object value(ResultSet rs, int i, int jdbcType) throws SQLException {
        Object value = switch (jdbcType) {
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getInt(i);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(i);
            case Types.TIMESTAMP -> rs.getTimestamp(i, UTC);
            case Types.DATE -> rs.getDate(i, UTC);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    /** Writes rows as text, one line per row, cells separated by {@code |}, to compare them. */
    static List<String> render(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(SparkStyleReader::text).collect(Collectors.joining("|")))
                .toList();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return String.valueOf(value);
    }
}
