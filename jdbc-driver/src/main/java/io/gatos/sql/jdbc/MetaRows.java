package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * Builds a {@link java.sql.DatabaseMetaData} result set from rows computed in Java, as Calcite builds
 * its own: an Avatica result set over the rows in the order given, whose columns have the names and
 * types JDBC prescribes, on a statement of the connection that closes with it. Costs no query
 * preparation.
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
        Meta.Signature signature = Meta.Signature.create(meta, "", List.of(), Meta.CursorFactory.LIST,
                Meta.StatementType.SELECT);
        AvaticaStatement statement = connection.createStatement().unwrap(AvaticaStatement.class);
        try {
            statement.closeOnCompletion();
            AvaticaResultSet result = new AvaticaResultSet(statement, null, signature,
                    new AvaticaResultSetMetaData(statement, null, signature), TimeZone.getTimeZone("UTC"), null);
            return result.execute2(new ListIteratorCursor(values.iterator()), meta);
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
