package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.MetaRows.small;
import static io.gatos.sql.jdbc.MetaRows.text;

import io.gatos.sql.calcite.dialect.GatosOperatorTable;
import io.gatos.sql.jdbc.MetaRows.Column;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Lists the functions a statement of a connection can call, as
 * {@link DatabaseMetaData#getFunctions} reports them: the built-in ones (gatos-sql's own, such as
 * {@code MEDIAN} and {@code DATE_TRUNC}, then the SQL standard's and the connection's {@code fun}
 * libraries', in the order the validator looks them up), one row per name, in no schema
 * ({@code FUNCTION_SCHEM} null); then the functions of each schema ({@code gatos.shiplog_read}).
 * Reads the connection's operator table: a few hundred operators per call.
 */
final class SqlFunctions {
    /** The columns of {@code getFunctions}. */
    static final List<Column> COLUMNS = List.of(text("FUNCTION_CAT"), text("FUNCTION_SCHEM"), text("FUNCTION_NAME"),
            text("REMARKS"), small("FUNCTION_TYPE"), text("SPECIFIC_NAME"));
    /** A name a statement can spell without quotes (no internal operators such as {@code $SLICE}). */
    private static final Pattern CALLABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlFunctions() {
    }

    /**
     * Returns the rows of {@code getFunctions} whose schema and name match the patterns, built-in
     * functions first, then by schema and name.
     */
    static List<List<Object>> rows(CalciteConnection connection, NamePattern schema, NamePattern name) {
        List<List<Object>> rows = new ArrayList<>();
        if (schema.matches(null)) {
            Sources sources = new Sources(connection);
            builtIns(connection).forEach((upper, op) -> {
                if (name.matches(op.getName())) {
                    rows.add(row(null, op.getName(), sources.remarks(op), type(op)));
                }
            });
        }
        SchemaPlus root = connection.getRootSchema();
        for (String schemaName : new TreeSet<>(root.getSubSchemaNames())) {
            SchemaPlus sub = root.getSubSchema(schemaName);
            if (sub == null || !schema.matches(schemaName)) {
                continue;
            }
            for (String functionName : new TreeSet<>(sub.getFunctionNames())) {
                if (name.matches(functionName)) {
                    boolean table = sub.getFunctions(functionName).stream().anyMatch(TableFunction.class::isInstance);
                    rows.add(row(schemaName, functionName, table ? "table function of schema " + schemaName
                            : "function of schema " + schemaName, table ? DatabaseMetaData.functionReturnsTable
                            : DatabaseMetaData.functionNoTable));
                }
            }
        }
        return rows;
    }

    /** Returns the first operator of each callable function name, by upper-case name. */
    private static Map<String, SqlOperator> builtIns(CalciteConnection connection) {
        Map<String, SqlOperator> byName = new TreeMap<>();
        for (SqlOperator op : GatosOperatorTable.forConnection(connection.config()).getOperatorList()) {
            if (op instanceof SqlFunction && CALLABLE.matcher(op.getName()).matches()) {
                byName.putIfAbsent(op.getName().toUpperCase(Locale.ROOT), op);
            }
        }
        return byName;
    }

    private static List<Object> row(String schema, String name, String remarks, int type) {
        return Arrays.asList(null, schema, name, remarks, type, name);
    }

    private static int type(SqlOperator op) {
        return op instanceof SqlTableFunction ? DatabaseMetaData.functionReturnsTable
                : DatabaseMetaData.functionNoTable;
    }

    /** Tells where a built-in function comes from. */
    private static final class Sources {
        private final Set<SqlOperator> ours = Set.copyOf(GatosOperatorTable.INSTANCE.getOperatorList());
        private final Set<SqlOperator> standard = new HashSet<>(SqlStdOperatorTable.instance().getOperatorList());
        private final String library;

        Sources(CalciteConnection connection) {
            String fun = CalciteConnectionProperty.FUN.wrap(connection.getProperties()).getString();
            library = (fun == null || fun.isEmpty() ? "" : fun + " ") + "library";
        }

        /** Describes the function's origin and whether it aggregates, e.g. "SQL standard aggregate function". */
        String remarks(SqlOperator op) {
            String source = ours.contains(op) ? "gatos-sql" : standard.contains(op) ? "SQL standard" : library;
            String kind = op instanceof SqlAggFunction ? "aggregate function"
                    : op instanceof SqlTableFunction ? "table function" : "function";
            return source + " " + kind;
        }
    }
}
