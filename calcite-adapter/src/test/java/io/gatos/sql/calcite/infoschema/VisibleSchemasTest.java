package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.calcite.infoschema.VisibleSchemas.ColumnRef;
import io.gatos.sql.calcite.infoschema.VisibleSchemas.SchemaRef;
import io.gatos.sql.calcite.infoschema.VisibleSchemas.TableRef;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisibleSchemasTest {
    @TempDir
    Path dir;

    @Test
    void listsTopLevelSchemasTheirTablesAndColumnsWithTheCatalogAttachedToLedgerSchemasOnly() {
        try (LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
                LedgerRepository repository = openAfterOneEvent(ledger)) {
            CalciteSchema root = CalciteSchema.createRootSchema(false);
            root.add("ledger_b", new GatosSchema(repository));
            CalciteSchema empty = root.add("a_empty", new AbstractSchema());
            empty.add("nested", new AbstractSchema());
            VisibleSchemas visible = new VisibleSchemas(root, new JavaTypeFactoryImpl());

            assertThat(visible.schemas()).extracting(SchemaRef::name).containsExactly("a_empty", "ledger_b");
            List<TableRef> tables = visible.tables().toList();
            assertThat(tables).extracting(TableRef::name).containsExactlyElementsOf(
                    Catalog.get().tables().stream().map(t -> t.name()).sorted().toList());
            assertThat(tables).allSatisfy(t -> {
                assertThat(t.schema()).isEqualTo("ledger_b");
                assertThat(t.definition()).isEqualTo(Catalog.get().require(t.name()));
                assertThat(t.description()).isEqualTo(t.definition().description());
            });
            List<ColumnRef> events = visible.columns().filter(c -> c.table().name().equals("events")).toList();
            assertThat(events).extracting(ColumnRef::ordinal).startsWith(1, 2, 3).endsWith(events.size());
            assertThat(events).extracting(ColumnRef::definition)
                    .containsExactlyElementsOf(Catalog.get().require("events").columns());
        }
    }

    @Test
    void describesItsOwnTablesButNotOthersOutsideTheCatalog() {
        CalciteSchema root = CalciteSchema.createRootSchema(true);
        InformationSchema.mount(root.plus());
        VisibleSchemas visible = new VisibleSchemas(root, new JavaTypeFactoryImpl());
        assertThat(visible.tables().map(t -> t.schema() + "." + t.name() + ":" + t.description()))
                .containsExactly("information_schema.columns:" + new ColumnsTable().description(),
                        "information_schema.key_column_usage:" + new KeyColumnUsageTable().description(),
                        "information_schema.referential_constraints:"
                                + new ReferentialConstraintsTable().description(),
                        "information_schema.schemata:" + new SchemataTable().description(),
                        "information_schema.table_constraints:" + new TableConstraintsTable().description(),
                        "information_schema.tables:" + new TablesTable().description(),
                        "metadata.COLUMNS:null", "metadata.TABLES:null");
        assertThat(visible.columns()).allSatisfy(c -> assertThat(c.definition()).isNull());
    }

    private static LedgerRepository openAfterOneEvent(LedgerTestRepository ledger) {
        ledger.event("orders", "alice", "order.created", "{}");
        return LedgerRepository.open(ledger.path());
    }
}
