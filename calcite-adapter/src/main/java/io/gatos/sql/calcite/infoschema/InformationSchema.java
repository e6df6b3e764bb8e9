package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Presents the SQL-standard data dictionary as the Calcite schema {@code information_schema}, with
 * PostgreSQL's table and column names: {@code schemata}, {@code tables}, {@code columns}, and the
 * catalog's keys in {@code table_constraints}, {@code key_column_usage} and
 * {@code referential_constraints}. Holds no state: each scan lists what the statement's root schema
 * holds at that moment, so one instance serves every connection.
 */
public final class InformationSchema extends AbstractSchema {
    /** Name the schema is mounted under. */
    public static final String NAME = "information_schema";
    /**
     * Catalog name reported in {@code table_catalog} and {@code catalog_name}: a connection is one
     * database, and Calcite has no catalog name of its own to report.
     */
    public static final String CATALOG = "gatos";

    private static final InformationSchema INSTANCE = new InformationSchema();
    private final Map<String, Table> tables = ImmutableMap.of("schemata", new SchemataTable(), "tables",
            new TablesTable(), "columns", new ColumnsTable(), "table_constraints", new TableConstraintsTable(),
            "key_column_usage", new KeyColumnUsageTable(), "referential_constraints",
            new ReferentialConstraintsTable());

    private InformationSchema() {
    }

    /** Adds the schema to a connection's {@code root} schema as {@value #NAME}, replacing any schema of that name. */
    public static void mount(SchemaPlus root) {
        requireNonNull(root, "root").add(NAME, INSTANCE);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
