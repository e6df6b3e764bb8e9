package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferentialConstraintsTableTest {
    @TempDir
    Path dir;

    @Test
    void namesThePrimaryKeyEachForeignKeyReferences() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.labels("SELECT * FROM information_schema.referential_constraints")).containsExactly(
                    "constraint_catalog", "constraint_schema", "constraint_name", "unique_constraint_catalog",
                    "unique_constraint_schema", "unique_constraint_name", "match_option", "update_rule",
                    "delete_rule");
            assertThat(c.rows("SELECT * FROM information_schema.referential_constraints"
                    + " WHERE constraint_name LIKE 'fk\\_governance\\_grants\\_%' ESCAPE '\\'")).containsExactly(
                            "gatos|gatos|fk_governance_grants_proposal_id|gatos|gatos|pk_governance_proposals|NONE"
                                    + "|NO ACTION|NO ACTION",
                            "gatos|gatos|fk_governance_grants_commit_id|gatos|gatos|pk_commits|NONE|NO ACTION"
                                    + "|NO ACTION");
            assertThat(c.rows("SELECT COUNT(*) FROM information_schema.referential_constraints"))
                    .containsExactly(String.valueOf(Catalog.get().foreignKeys().size()));
        }
    }
}
