package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.util.ListIteratorCursor;

/**
 * Builds a {@link java.sql.DatabaseMetaData} result set from rows held in memory, as Calcite builds
 * its own: an Avatica result set over the rows in the order given, whose columns have the names and
 * types JDBC prescribes, on a statement of the connection that closes with it. The rows are computed
 * in Java ({@link #of}) or are those of one of Calcite's answers, filtered and put in the order JDBC
 * prescribes ({@link #sorted}). Costs no query preparation; holds every row in memory.
 */
final class MetaRows {
    /** The SQL types metadata columns use. */
    enum Type {
        VARCHAR, SMALLINT
    }

    /** One column of a metadata result set. */
    record Column(String name, Type type) {
        Column {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    private MetaRows() {
    }

    /** Declares a nullable VARCHAR column. */
    static Column text(String name) {
        return new Column(name, Type.VARCHAR);
    }

    /** Declares a SMALLINT column that is never null. */
    static Column small(String name) {
        return new Column(name, Type.SMALLINT);
    }

    /**
     * Returns a result set listing {@code rows}, each a list with one value per column: a String or
     * null for VARCHAR, a number for SMALLINT. Closing it closes its statement too.
     */
    static ResultSet of(Connection connection, List<Column> columns, List<List<Object>> rows) throws SQLException {
        List<ColumnMetaData> meta = new ArrayList<>();
        for (Column c : columns) {
            meta.add(MetaImpl.columnMetaData(c.name(), meta.size(),
                    c.type() == Type.VARCHAR ? String.class : Short.class, c.type() == Type.VARCHAR));
        }
        List<List<Object>> values = new ArrayList<>();
        for (List<Object> row : rows) {
            values.add(values(columns, row));
        }
        return resultSet(connection, meta, values);
    }

    /**
     * Reads {@code source} to its end and closes it, then returns a result set of the same columns
     * holding the rows {@code keep} accepts, sorted by the values of the columns labelled
     * {@code orderBy} (nulls first). Closing it closes its statement too.
     */
    @SuppressWarnings("unchecked")
    static ResultSet sorted(Connection connection, ResultSet source, RowTest keep, List<String> orderBy)
            throws SQLException {
        try (source) {
            ResultSetMetaData md = source.getMetaData();
            List<ColumnMetaData> meta = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                ColumnMetaData.AvaticaType type = ColumnMetaData.scalar(md.getColumnType(i), md.getColumnTypeName(i),
                        ColumnMetaData.Rep.of(classOf(md.getColumnClassName(i))));
                meta.add(MetaImpl.columnMetaData(md.getColumnLabel(i), i - 1, type, md.isNullable(i), md.isSigned(i)));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (source.next()) {
                if (keep.accepts(source)) {
                    List<Object> row = new ArrayList<>(meta.size());
                    for (int i = 1; i <= meta.size(); i++) {
                        row.add(source.getObject(i));
                    }
                    rows.add(row);
                }
            }
            Comparator<List<Object>> order = (a, b) -> 0;
            for (String label : orderBy) {
                int at = source.findColumn(label) - 1;
                order = order.thenComparing(row -> (Comparable<Object>) row.get(at),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
            }
            rows.sort(order);
            return resultSet(connection, meta, rows);
        }
    }

    /** Accepts or skips the row a result set is on. */
    @FunctionalInterface
    interface RowTest {
        boolean accepts(ResultSet row) throws SQLException;
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }

    private static ResultSet resultSet(Connection connection, List<ColumnMetaData> meta, List<List<Object>> rows)
            throws SQLException {
        Meta.Signature signature = Meta.Signature.create(meta, "", List.of(), Meta.CursorFactory.LIST,
                Meta.StatementType.SELECT);
        AvaticaStatement statement = connection.createStatement().unwrap(AvaticaStatement.class);
        try {
            statement.closeOnCompletion();
            AvaticaResultSet result = new AvaticaResultSet(statement, null, signature,
                    new AvaticaResultSetMetaData(statement, null, signature), TimeZone.getTimeZone("UTC"), null);
            return result.execute2(new ListIteratorCursor(rows.iterator()), meta);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static List<Object> values(List<Column> columns, List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row " + row + " does not have the " + columns.size() + " columns");
        }
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            values.add(switch (columns.get(i).type()) {
                case VARCHAR -> value == null ? null : value.toString();
                case SMALLINT -> ((Number) requireNonNull(value, columns.get(i).name())).shortValue();
            });
        }
        return values;
    }
}
