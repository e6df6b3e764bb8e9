package io.gatos.sql.server;

import io.gatos.sql.server.SparkStyleReader.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Copies rows read by {@link SparkStyleReader} into a new table of an in-memory DuckDB database, as
 * a Spark CTAS or {@code saveAsTable} does: the table declares the types Spark derives from the
 * reported metadata ({@link Column#copyType()}), and every value passes Spark's write-side checks
 * first (a text longer than its {@code VARCHAR(n)} fails, as Spark's
 * {@code EXCEED_LIMIT_LENGTH}; a decimal that does not fit its precision after rounding to its
 * scale fails, as Spark's {@code Decimal.changePrecision}): DuckDB ignores text lengths but checks
 * decimals too. Returns the copy's rows as the reader reads them.
 */
final class SparkStyleCopy {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private SparkStyleCopy() {
    }

    /**
     * Creates the copy of {@code rows} with {@code schema}, reads it back and returns its rows.
     *
     * @throws IllegalStateException naming the value Spark would refuse to write
     */
    static List<List<Object>> copy(List<Column> schema, List<List<Object>> rows) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE copy (" + schema.stream().map(c -> '"' + c.label() + "\" " + c.copyType())
                    .collect(Collectors.joining(", ")) + ")");
            String marks = schema.stream().map(c -> "?").collect(Collectors.joining(","));
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO copy VALUES (" + marks + ")")) {
                for (List<Object> row : rows) {
                    for (int i = 0; i < schema.size(); i++) {
                        bind(insert, i + 1, schema.get(i), row.get(i));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<List<Object>> copied = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT * FROM copy")) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < schema.size(); i++) {
                        row.add(SparkStyleReader.value(rs, i + 1, schema.get(i).jdbcType()));
                    }
                    copied.add(row);
                }
            }
            return copied;
        }
    }

    private static void bind(PreparedStatement insert, int index, Column column, Object value) throws SQLException {
        check(column, value);
        if (value == null) {
            insert.setNull(index, column.jdbcType());
        } else if (value instanceof Timestamp t) {
            insert.setTimestamp(index, t, UTC);
        } else {
            insert.setObject(index, value);
        }
    }

    private static void check(Column column, Object value) {
        if (value instanceof String text && column.jdbcType() == Types.VARCHAR
                && text.codePointCount(0, text.length()) > column.precision()) {
            throw new IllegalStateException("Spark refuses to write '" + text + "' into " + column.label() + " "
                    + column.copyType() + ": it exceeds the length limit");
        }
        if (value instanceof BigDecimal d && (column.jdbcType() == Types.DECIMAL)
                && d.setScale(column.scale(), RoundingMode.HALF_UP).precision() > Math.max(column.precision(), 1)) {
            throw new IllegalStateException("Spark refuses to write " + d + " into " + column.label() + " "
                    + column.copyType() + ": it does not fit the precision");
        }
    }
}
