package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteIndexTest {

    @Test
    void everyIndexNamesCatalogColumnsAndLeadsWithSomethingOtherThanTheKey() {
        for (SqliteIndex index : SqliteIndex.DECLARED) {
            TableDef def = Catalog.get().require(index.table());
            assertThat(def.columnNames()).as(index.name()).containsAll(index.columns());
            List<String> key = def.primaryKey();
            assertThat(key.isEmpty() || !index.columns().get(0).equals(key.get(0))).as(index.name()).isTrue();
        }
        assertThat(SqliteIndex.DECLARED.stream().map(SqliteIndex::name)).doesNotHaveDuplicates();
    }

    @Test
    void namesItselfAfterItsTableAndColumns() {
        SqliteIndex index = new SqliteIndex("shiplog", List.of("topic", "pos"));
        assertThat(index.name()).isEqualTo("idx_shiplog_topic_pos");
        assertThat(index.create())
                .isEqualTo("CREATE INDEX IF NOT EXISTS \"idx_shiplog_topic_pos\" ON \"shiplog\" (\"topic\", \"pos\")");
    }
}
