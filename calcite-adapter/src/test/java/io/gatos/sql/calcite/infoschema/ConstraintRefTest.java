package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.infoschema.VisibleSchemas.TableRef;
import io.gatos.sql.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintRefTest {

    @Test
    void aLedgerTableHasItsPrimaryKeyThenItsForeignKeys() {
        TableRef jobs = new TableRef("gatos", "jobs", null, Catalog.get().require("jobs"));
        assertThat(ConstraintRef.of(jobs).map(k -> k.name() + " " + k.type() + " " + k.columns()).toList())
                .containsExactly("pk_jobs PRIMARY KEY [id]", "fk_jobs_commit_id FOREIGN KEY [commit_id]",
                        "fk_jobs_result_commit_id FOREIGN KEY [result_commit_id]");
    }

    @Test
    void aTableWithoutKeysOrOutsideTheLedgerHasNone() {
        assertThat(ConstraintRef.of(new TableRef("gatos", "findings", null, Catalog.get().require("findings"))))
                .isEmpty();
        assertThat(ConstraintRef.of(new TableRef("misc", "per_ns", null, null))).isEmpty();
        assertThat(new ConstraintRef(new TableRef("gatos", "refs", null, null), "pk_refs", List.of("name"), null)
                .type()).isEqualTo(ConstraintRef.PRIMARY_KEY);
    }
}
