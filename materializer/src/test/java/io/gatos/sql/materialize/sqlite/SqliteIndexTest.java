package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.IndexDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteIndexTest {

    @Test
    void createsTheIndexUnderItsCatalogName() {
        IndexDef index = new IndexDef("shiplog", List.of("topic", "pos"));
        assertThat(SqliteIndex.create(index))
                .isEqualTo("CREATE INDEX IF NOT EXISTS \"idx_shiplog_topic_pos\" ON \"shiplog\" (\"topic\", \"pos\")");
    }

    @Test
    void quotesTheNamesItWrites() {
        IndexDef index = new IndexDef("t\"x", List.of("a b"));
        assertThat(SqliteIndex.create(index))
                .isEqualTo("CREATE INDEX IF NOT EXISTS \"idx_t\"\"x_a b\" ON \"t\"\"x\" (\"a b\")");
    }
}
