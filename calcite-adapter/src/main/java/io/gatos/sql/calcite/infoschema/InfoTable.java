package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Presents one information_schema table: the subclass declares its columns once, as
 * {@link InfoColumn}s, and lists its rows from {@link VisibleSchemas}; the row type and each row's
 * values both follow from that one list. A scan materializes every row (a few per table or column
 * the connection sees).
 *
 * @param <R> the record one row is computed from
 */
abstract class InfoTable<R> extends AbstractTable implements ScannableTable {
    private final String description;
    private final List<InfoColumn<R>> columns;

    /** Declares a table described by {@code description} with {@code columns} in order. */
    InfoTable(String description, List<InfoColumn<R>> columns) {
        this.description = requireNonNull(description, "description");
        this.columns = List.copyOf(columns);
    }

    /** Returns the one-sentence description {@code tables.description} reports for this table. */
    final String description() {
        return description;
    }

    /** Returns the records of the rows, in the order they are listed. */
    abstract Stream<R> rows(VisibleSchemas visible);

    @Override
    public final RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (InfoColumn<R> column : columns) {
            builder.add(column.name(), typeFactory.createTypeWithNullability(
                    typeFactory.createSqlType(column.type()), column.nullable()));
        }
        return builder.build();
    }

    @Override
    public final Enumerable<Object[]> scan(DataContext root) {
        List<Object[]> rows = rows(VisibleSchemas.of(root)).map(this::values).toList();
        return Linq4j.asEnumerable(rows);
    }

    private Object[] values(R record) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = columns.get(i).value().apply(record);
        }
        return row;
    }

    /** Reports a system table, as Calcite's own {@code metadata} tables do, so JDBC lists it apart from data. */
    @Override
    public final Schema.TableType getJdbcTableType() {
        return Schema.TableType.SYSTEM_TABLE;
    }
}
