package io.gatos.sql.calcite.dialect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * Holds the names a connection knows, for "did you mean" hints: its tables (default schema first),
 * its schemas, its functions, and the columns of any table. Read from a statement's prepare context
 * only when a statement has failed: listing costs one pass over the schemas and the operator table
 * (a few hundred functions). Immutable.
 *
 * @param tables every table of every top-level schema: the default schema's first, then
 *     {@code information_schema}'s, {@code metadata}'s, then the others' by schema name
 * @param schemas the top-level schema names, in the same order
 * @param functions the names of the functions a statement may call: the operator table of the
 *     connection's {@code fun} libraries and the functions of its schemas, by name
 * @param columns looks up a table's columns as a FROM clause names the table
 */
record ConnectionNames(List<TableName> tables, List<String> schemas, List<String> functions,
        StatementNames.TableColumns columns) {
    /** A function name as a statement spells it (no internal operators such as {@code $SLICE}). */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The schemas listed right after the default one, in this order. */
    private static final List<String> SYSTEM_SCHEMAS = List.of("information_schema", "metadata");

    ConnectionNames {
        tables = List.copyOf(tables);
        schemas = List.copyOf(schemas);
        functions = List.copyOf(functions);
        requireNonNull(columns, "columns");
    }

    /**
     * A table of a schema.
     *
     * @param schema the name of its top-level schema
     * @param name the table's name
     * @param inDefault whether the schema is the connection's default, where the bare name resolves
     */
    record TableName(String schema, String name, boolean inDefault) {
        TableName {
            requireNonNull(schema, "schema");
            requireNonNull(name, "name");
        }

        /** Returns the name a statement can use: bare in the default schema, else {@code schema.name}. */
        String display() {
            return inDefault ? name : schema + "." + name;
        }
    }

    /** Reads the names of the connection that is preparing a statement with {@code context}. */
    static ConnectionNames of(CalcitePrepare.Context context) {
        CalciteSchema root = context.getRootSchema();
        List<String> defaultPath = context.getDefaultSchemaPath();
        String defaultSchema = defaultPath.isEmpty() ? "" : defaultPath.get(0);
        List<String> schemas = ordered(root.getSubSchemaMap().keySet(), defaultSchema);
        List<TableName> tables = new ArrayList<>();
        for (String schema : schemas) {
            CalciteSchema sub = root.getSubSchemaMap().get(schema);
            new TreeSet<>(sub.getTableNames()).forEach(t -> tables.add(new TableName(schema, t,
                    defaultPath.size() == 1 && schema.equals(defaultSchema))));
        }
        CalciteCatalogReader catalog = new CalciteCatalogReader(root, defaultPath, context.getTypeFactory(),
                context.config());
        SqlOperatorTable library = GatosOperatorTable.forConnection(context.config());
        return new ConnectionNames(tables, schemas, functions(library, catalog), names -> columns(catalog, names));
    }

    /** Returns the tables of {@code schema} (any letter case). */
    List<TableName> tablesOf(String schema) {
        return tables.stream().filter(t -> t.schema().equalsIgnoreCase(schema)).toList();
    }

    private static List<String> ordered(Set<String> names, String defaultSchema) {
        Comparator<String> order = Comparator.comparingInt((String s) -> s.equals(defaultSchema) ? 0
                : SYSTEM_SCHEMAS.contains(s.toLowerCase(Locale.ROOT))
                        ? 1 + SYSTEM_SCHEMAS.indexOf(s.toLowerCase(Locale.ROOT)) : 1 + SYSTEM_SCHEMAS.size());
        return names.stream().sorted(order.thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Returns the function names of the operator tables, sorted, each once in any letter case. */
    private static List<String> functions(SqlOperatorTable... tables) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (SqlOperatorTable table : tables) {
            for (SqlOperator op : table.getOperatorList()) {
                if (op instanceof SqlFunction && FUNCTION_NAME.matcher(op.getName()).matches()) {
                    names.add(op.getName());
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> columns(CalciteCatalogReader catalog, List<String> names) {
        Prepare.PreparingTable table = catalog.getTable(names);
        return table == null ? List.of() : table.getRowType().getFieldNames();
    }
}
