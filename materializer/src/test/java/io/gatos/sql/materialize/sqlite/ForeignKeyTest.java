package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyTest {

    @Test
    void everyReferenceJoinsACatalogColumnToTheWholeKeyOfAnEarlierTable() {
        List<String> order = Catalog.get().tables().stream().map(TableDef::name).toList();
        for (ForeignKey fk : ForeignKey.DECLARED) {
            assertThat(Catalog.get().require(fk.table()).column(fk.column())).as(fk.toString()).isPresent();
            assertThat(Catalog.get().require(fk.refTable()).primaryKey()).as(fk.toString())
                    .containsExactly(fk.refColumn());
            assertThat(order.indexOf(fk.refTable())).as(fk + ": catalog order creates the target first")
                    .isLessThan(order.indexOf(fk.table()));
        }
        assertThat(ForeignKey.DECLARED).doesNotHaveDuplicates().hasSize(15);
    }

    @Test
    void rendersADeferredReference() {
        assertThat(new ForeignKey("events", "commit_id", "commits", "id").clause())
                .isEqualTo("REFERENCES \"commits\"(\"id\") DEFERRABLE INITIALLY DEFERRED");
    }
}
