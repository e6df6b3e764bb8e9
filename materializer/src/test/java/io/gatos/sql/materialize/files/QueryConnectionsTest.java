package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryConnectionsTest {
    @TempDir
    Path temp;
    private FileSource web;

    @BeforeEach
    void declareFiles() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("logs"));
        Files.writeString(dir.resolve("gatos-files.json"), "{\"datasets\": [{\"name\": \"hits\", \"files\":"
                + " \"hits_*.jsonl\", \"columns\": [{\"name\": \"path\", \"type\": \"VARCHAR\"}, {\"name\": \"n\","
                + " \"type\": \"INTEGER\"}]}]}");
        Files.writeString(dir.resolve("hits_a.jsonl"), "{\"path\": \"/\", \"n\": 2}\n");
        web = FileSource.parse("web=" + dir, null);
    }

    @Test
    void aFilesOnlyConnectionDescribesItsSourcesInInformationSchema() throws Exception {
        try (Connection c = QueryConnections.open(null, List.of(web))) {
            assertThat(rows(c, "SELECT schema_name FROM information_schema.schemata"))
                    .containsExactly("information_schema", "metadata", "web");
            assertThat(rows(c, "SELECT table_schema, table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = 'web'")).containsExactly("web|hits|BASE TABLE");
            assertThat(rows(c, "SELECT column_name, ordinal_position, data_type FROM information_schema.columns"
                    + " WHERE table_name = 'hits' ORDER BY ordinal_position"))
                    .containsExactly("path|1|character varying", "n|2|integer");
        }
    }

    @Test
    void aLedgerConnectionListsTheLedgerBesideItsSources() throws Exception {
        try (LedgerTestRepository ledger = LedgerTestRepository.create(temp.resolve("ledger.git"))) {
            ledger.event("orders", "alice", "order.created", "{}");
            try (Connection c = QueryConnections.open(ledger.path(), List.of(web))) {
                assertThat(rows(c, "SELECT table_schema, COUNT(*) FROM information_schema.tables"
                        + " GROUP BY table_schema ORDER BY table_schema"))
                        .containsExactly("gatos|" + Catalog.get().tables().size(), "information_schema|6", "metadata|2",
                                "web|1");
            }
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
