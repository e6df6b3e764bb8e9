package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a remote client reads the same information_schema as an embedded jdbc:gatos connection,
 * the keys included (the stock client's DatabaseMetaData cannot ask the server for them).
 */
class InformationSchemaIT {
    private static final List<String> QUERIES = List.of(
            "SELECT * FROM information_schema.schemata ORDER BY schema_name",
            "SELECT * FROM information_schema.tables ORDER BY table_schema, table_name",
            "SELECT * FROM information_schema.columns ORDER BY table_schema, table_name, ordinal_position",
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'"
                    + " ORDER BY ordinal_position",
            "SELECT * FROM information_schema.table_constraints ORDER BY table_name, constraint_name",
            "SELECT * FROM information_schema.key_column_usage ORDER BY constraint_name, ordinal_position",
            "SELECT * FROM information_schema.referential_constraints ORDER BY constraint_name");

    @TempDir
    static Path dir;
    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.start(dir, c -> c);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aRemoteClientSeesTheRowsAnEmbeddedConnectionSees() throws SQLException {
        try (Connection remote = fixture.connect();
                Connection embedded = DriverManager.getConnection(fixture.ledger.jdbcUrl())) {
            for (String sql : QUERIES) {
                assertThat(rows(remote, sql)).as(sql).isNotEmpty().containsExactlyElementsOf(rows(embedded, sql));
            }
            int columns = Catalog.get().tables().stream().mapToInt(t -> t.columns().size()).sum();
            assertThat(rows(remote, "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'gatos'"
                    + " AND description IS NOT NULL")).containsExactly(String.valueOf(columns));
        }
    }
}
