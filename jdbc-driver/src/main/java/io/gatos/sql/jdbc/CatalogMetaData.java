package io.gatos.sql.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Answers the {@link DatabaseMetaData} calls that gatos-sql answers beyond Calcite: primary and
 * foreign keys from the catalog ({@link CatalogKeys}), the callable functions
 * ({@link SqlFunctions}), and name arguments of {@code getTables}, {@code getColumns} and
 * {@code getSchemas} matched the way statements match identifiers (in any letter case unless the
 * connection sets {@code caseSensitive=true}) and as JDBC reads patterns ({@code _} is any one
 * character; Calcite's own matching takes it literally), with rows in the order JDBC prescribes
 * (Calcite leaves a schema's tables unordered): Calcite lists every schema, table or column, a few
 * milliseconds' work, and {@link MetaRows#sorted} keeps those that match. The catalog argument is
 * not used to narrow, as in Calcite's own answers: gatos-sql has no catalogs. Every answer is a
 * result set held in memory; closing it closes its statement. {@code getIndexInfo} stays Calcite's,
 * which reports none: a live table has no index (a lookup reads Git), and the indexes a table's
 * profile declares ({@link io.gatos.sql.catalog.TableProfile#indexes()}) are the SQLite export's.
 */
final class CatalogMetaData {
    /** The calls answered from the catalog's keys. */
    static final java.util.Set<String> KEYS = java.util.Set.of("getPrimaryKeys", "getImportedKeys",
            "getExportedKeys", "getCrossReference");
    /** The calls answered for embedded connections. */
    static final java.util.Set<String> ANSWERED = java.util.Set.of("getPrimaryKeys", "getImportedKeys",
            "getExportedKeys", "getCrossReference", "getFunctions", "getTables", "getColumns", "getSchemas");

    private CatalogMetaData() {
    }

    /**
     * Answers the call of {@code method} (one of those above) with {@code args}, in place of
     * {@code calciteMetaData}, the metadata of connection {@code calcite}.
     *
     * @throws IllegalArgumentException for any other method
     */
    static Object answer(DatabaseMetaData calciteMetaData, Connection calcite, Method method, Object[] args)
            throws SQLException {
        boolean cs = calcite.unwrap(CalciteConnection.class).config().caseSensitive();
        if (KEYS.contains(method.getName())) {
            return keys(calcite, method.getName(), args, cs);
        }
        return switch (method.getName()) {
            case "getFunctions" -> MetaRows.of(calcite, SqlFunctions.COLUMNS, SqlFunctions.rows(
                    calcite.unwrap(CalciteConnection.class), like(args, 1, cs), like(args, 2, cs)));
            case "getTables" -> tables(calciteMetaData, calcite, args, cs);
            case "getColumns" -> columns(calciteMetaData, calcite, args, cs);
            case "getSchemas" -> schemas(calciteMetaData, calcite, args == null || args.length == 0
                    ? new Object[] {null, null} : args, cs);
            default -> throw new IllegalArgumentException("gatos-sql does not answer " + method.getName() + " itself");
        };
    }

    /**
     * Answers {@code getPrimaryKeys}, {@code getImportedKeys}, {@code getExportedKeys} or
     * {@code getCrossReference} from the catalog, on a statement of {@code connection}, which may be
     * any Avatica connection (a remote one too: the catalog ships in the driver).
     */
    static ResultSet keys(Connection connection, String method, Object[] args, boolean cs) throws SQLException {
        return switch (method) {
            case "getPrimaryKeys" -> MetaRows.of(connection, CatalogKeys.PRIMARY_KEY_COLUMNS,
                    CatalogKeys.primaryKeys(tables(args, 1, cs)));
            case "getImportedKeys" -> MetaRows.of(connection, CatalogKeys.FOREIGN_KEY_COLUMNS,
                    CatalogKeys.importedKeys(tables(args, 1, cs)));
            case "getExportedKeys" -> MetaRows.of(connection, CatalogKeys.FOREIGN_KEY_COLUMNS,
                    CatalogKeys.exportedKeys(tables(args, 1, cs)));
            case "getCrossReference" -> MetaRows.of(connection, CatalogKeys.FOREIGN_KEY_COLUMNS,
                    CatalogKeys.crossReference(tables(args, 1, cs), tables(args, 4, cs)));
            default -> throw new IllegalArgumentException("not a key question: " + method);
        };
    }

    private static ResultSet tables(DatabaseMetaData md, Connection calcite, Object[] args, boolean cs)
            throws SQLException {
        NamePattern schema = like(args, 1, cs);
        NamePattern table = like(args, 2, cs);
        return MetaRows.sorted(calcite, md.getTables((String) args[0], null, null, (String[]) args[3]),
                row -> schema.matches(row.getString("TABLE_SCHEM")) && table.matches(row.getString("TABLE_NAME")),
                List.of("TABLE_TYPE", "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME"));
    }

    private static ResultSet columns(DatabaseMetaData md, Connection calcite, Object[] args, boolean cs)
            throws SQLException {
        NamePattern schema = like(args, 1, cs);
        NamePattern table = like(args, 2, cs);
        NamePattern column = like(args, 3, cs);
        return MetaRows.sorted(calcite, md.getColumns((String) args[0], null, null, null),
                row -> schema.matches(row.getString("TABLE_SCHEM")) && table.matches(row.getString("TABLE_NAME"))
                        && column.matches(row.getString("COLUMN_NAME")),
                List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "ORDINAL_POSITION"));
    }

    private static ResultSet schemas(DatabaseMetaData md, Connection calcite, Object[] args, boolean cs)
            throws SQLException {
        NamePattern schema = like(args, 1, cs);
        return MetaRows.sorted(calcite, md.getSchemas((String) args[0], null),
                row -> schema.matches(row.getString("TABLE_SCHEM")), List.of("TABLE_CATALOG", "TABLE_SCHEM"));
    }

    private static CatalogKeys.Tables tables(Object[] args, int schemaAt, boolean cs) {
        return CatalogKeys.Tables.named((String) args[schemaAt], (String) args[schemaAt + 1], cs);
    }

    private static NamePattern like(Object[] args, int at, boolean cs) {
        return NamePattern.like((String) args[at], cs);
    }
}
