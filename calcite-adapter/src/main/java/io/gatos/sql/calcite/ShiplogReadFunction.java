package io.gatos.sql.calcite;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.ledger.ShiplogMessage;
import io.gatos.sql.ledger.scan.ShiplogScan;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Implements the table function {@code shiplog_read(topic, since_ulid, lim)} (ADR-0005): the
 * messages after {@code since_ulid}, oldest first, at most {@code lim} (clamped to 1..512). Holds at
 * most 512 rows.
 */
public final class ShiplogReadFunction {
    private ShiplogReadFunction() {
    }

    /** Returns the table of one call; Calcite calls this with the SQL arguments. */
    public static ScannableTable eval(String topic, String sinceUlid, Integer lim) {
        return new Call(topic, sinceUlid, lim);
    }

    /** One call's result table. */
    private static final class Call extends AbstractTable implements ScannableTable {
        private static final TableDef DEF = Catalog.get().require("shiplog");
        private final String topic;
        private final String sinceUlid;
        private final Integer lim;

        Call(String topic, String sinceUlid, Integer lim) {
            this.topic = topic;
            this.sinceUlid = sinceUlid;
            this.lim = lim;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return LedgerTable.rowType(DEF, typeFactory);
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            GatosSchema schema = schemaOf(root);
            List<ShiplogMessage> page = ShiplogScan.read(schema.snapshots().forExecution(root), topic, sinceUlid, lim);
            var values = ShiplogTable.COLUMNS.valuesFor(DEF);
            List<Object[]> rows = page.stream().map(m -> {
                Object[] row = new Object[values.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = values.get(i).apply(m);
                }
                return row;
            }).toList();
            return Linq4j.asEnumerable(rows);
        }

        private static GatosSchema schemaOf(DataContext root) {
            SchemaPlus rootSchema = root.getRootSchema();
            SchemaPlus gatos = rootSchema == null ? null : rootSchema.subSchemas().get(Catalog.SCHEMA);
            GatosSchema schema = gatos == null ? null : gatos.unwrap(GatosSchema.class);
            if (schema == null) {
                throw new IllegalStateException("shiplog_read needs the schema '" + Catalog.SCHEMA
                        + "' of a GATOS connection");
            }
            return schema;
        }
    }
}
