package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.ConnectionNames.TableName;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionNamesTest {
    @TempDir
    static Path dir;
    static DialectConnection db;
    static ConnectionNames names;

    @BeforeAll
    static void open() throws SQLException {
        db = DialectConnection.open(dir);
        names = ConnectionNames.of(db.prepareContext());
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void theDefaultSchemaComesFirstThenInformationSchemaThenMetadata() {
        assertThat(names.schemas()).containsExactly("gatos", "information_schema", "metadata");
        assertThat(names.tables().get(0)).isEqualTo(new TableName("gatos", "commits", true));
        assertThat(names.tables()).extracting(TableName::display).containsSubsequence("events", "shiplog",
                "information_schema.columns", "information_schema.tables", "metadata.COLUMNS", "metadata.TABLES");
        assertThat(names.tablesOf("INFORMATION_SCHEMA")).extracting(TableName::name)
                .containsExactly("columns", "key_column_usage", "referential_constraints", "schemata",
                        "table_constraints", "tables");
    }

    @Test
    void functionsAreTheLibrariesAndTheSchemasFunctionsWithoutOperators() {
        assertThat(names.functions()).contains("COUNT", "LENGTH", "STRING_AGG", "TIMESTAMPDIFF", "shiplog_read")
                .doesNotContain("+", "AND", "$SLICE");
        assertThat(names.functions()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void columnsAreLookedUpAsAFromClauseNamesTheTable() {
        assertThat(names.columns().of(List.of("events"))).contains("id", "ns", "kind", "ts");
        assertThat(names.columns().of(List.of("GATOS", "Events"))).contains("kind");
        assertThat(names.columns().of(List.of("information_schema", "tables"))).contains("table_name");
        assertThat(names.columns().of(List.of("nope"))).isEmpty();
    }

    @Test
    void aTableDisplaysBareOnlyInTheDefaultSchema() {
        assertThat(new TableName("gatos", "events", true).display()).isEqualTo("events");
        assertThat(new TableName("metadata", "TABLES", false).display()).isEqualTo("metadata.TABLES");
    }
}
