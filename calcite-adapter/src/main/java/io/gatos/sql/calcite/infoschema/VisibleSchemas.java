package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * Lists what a statement can see: the schemas directly under its root schema (as JDBC's
 * {@code getSchemas} does; nested schemas are not listed), their tables, including views defined
 * as parameterless table macros, and each table's columns from its row type. Tables of a
 * {@link GatosSchema} carry their catalog definitions. Reads nothing until asked; listing columns
 * costs one {@code getRowType} per table.
 */
final class VisibleSchemas {
    private final CalciteSchema root;
    private final RelDataTypeFactory typeFactory;

    /** Lists the sub-schemas of {@code root}, typing columns with {@code typeFactory}. */
    VisibleSchemas(CalciteSchema root, RelDataTypeFactory typeFactory) {
        this.root = requireNonNull(root, "root");
        this.typeFactory = requireNonNull(typeFactory, "typeFactory");
    }

    /** Lists what the statement executing in {@code context} sees. */
    static VisibleSchemas of(DataContext context) {
        SchemaPlus root = context.getRootSchema();
        if (root == null) {
            throw new IllegalStateException("information_schema is read through a connection's statements;"
                    + " this execution has no root schema");
        }
        return new VisibleSchemas(CalciteSchema.from(root), context.getTypeFactory());
    }

    /** Returns the schemas in name order. */
    List<SchemaRef> schemas() {
        return root.getSubSchemaMap().values().stream().map(s -> new SchemaRef(s.getName(), s)).toList();
    }

    /** Returns the tables of every schema, by schema then table name. */
    Stream<TableRef> tables() {
        return schemas().stream().flatMap(VisibleSchemas::tablesOf);
    }

    /** Returns the columns of every table, in table order then ordinal position. */
    Stream<ColumnRef> columns() {
        return tables().flatMap(this::columnsOf);
    }

    private static Stream<TableRef> tablesOf(SchemaRef schema) {
        Map<String, Table> byName = new TreeMap<>(schema.calcite().getTablesBasedOnNullaryFunctions());
        for (String name : schema.calcite().getTableNames()) {
            CalciteSchema.TableEntry entry = schema.calcite().getTable(name, true);
            if (entry != null) {
                byName.put(name, entry.getTable());
            }
        }
        boolean ledger = schema.calcite().schema instanceof GatosSchema;
        return byName.entrySet().stream().map(e -> new TableRef(schema.name(), e.getKey(), e.getValue(),
                ledger ? Catalog.get().table(e.getKey()).orElse(null) : null));
    }

    private Stream<ColumnRef> columnsOf(TableRef table) {
        List<RelDataTypeField> fields = table.table().getRowType(typeFactory).getFieldList();
        return IntStream.range(0, fields.size()).mapToObj(i -> {
            RelDataTypeField field = fields.get(i);
            ColumnDef def = table.definition() == null ? null
                    : table.definition().column(field.getName()).orElse(null);
            return new ColumnRef(table, i + 1, field.getName(), field.getType(), def);
        });
    }

    /**
     * Names one visible schema.
     *
     * @param name the name a statement uses
     * @param calcite the schema as Calcite holds it
     */
    record SchemaRef(String name, CalciteSchema calcite) {
    }

    /**
     * Names one visible table.
     *
     * @param schema the name of its schema
     * @param name the table's name
     * @param table the table
     * @param definition its catalog definition; null outside a {@link GatosSchema}
     */
    record TableRef(String schema, String name, Table table, TableDef definition) {
        /** Returns the catalog's description, an information_schema table's own one, or null. */
        String description() {
            if (definition != null) {
                return definition.description();
            }
            return table instanceof InfoTable<?> info ? info.description() : null;
        }
    }

    /**
     * Names one column of a visible table.
     *
     * @param table its table
     * @param ordinal its 1-based position
     * @param name its name
     * @param type its SQL type, with the nullability queries see
     * @param definition its catalog definition; null outside a {@link GatosSchema}
     */
    record ColumnRef(TableRef table, int ordinal, String name, RelDataType type, ColumnDef definition) {
    }
}
