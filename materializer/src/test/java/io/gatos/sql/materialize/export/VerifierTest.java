package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    @TempDir
    Path dir;

    @Test
    void aFreshExportMatches() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            Verifier.Report report = Verifier.verify(repo.path(), out);
            assertThat(report.failures()).isEmpty();
            assertThat(report.checks()).extracting(Verifier.Check::part).contains("explorer_root", "repository",
                    "tables", "rows", "extractor", "portable");
        }
    }

    @Test
    void anExportWhoseJsonCheckRejectsNullOnOldSqliteFails() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            // what exports before issue 20 declared: fine on SQLite 3.45+, "corrupt" on Debian 12's 3.40
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement s = c.createStatement()) {
                s.execute("PRAGMA writable_schema = ON");
                s.executeUpdate("UPDATE sqlite_master SET sql = replace(sql, '\"payload\" IS NULL OR json_valid(',"
                        + " 'json_valid(') WHERE name = 'events'");
            }
            Verifier.Report report = Verifier.verify(repo.path(), out);
            assertThat(report.failures()).extracting(Verifier.Check::part).containsExactly("portable");
            assertThat(report.failures().get(0).detail()).contains("events.payload", "3.45", "--full");
        }
    }

    @Test
    void aNewCommitIsReportedAsTheRepositoryAdvancing() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            repo.event("orders", "alice", "order.created", "{}");
            Verifier.Report report = Verifier.verify(repo.path(), out);
            assertThat(report.ok()).isFalse();
            assertThat(report.failures()).extracting(Verifier.Check::part)
                    .containsExactlyInAnyOrder("repository", "explorer_root");
            assertThat(report.failures().get(0).detail()).contains("advanced")
                    .contains("refs/gatos/journal/orders/alice moved");
        }
    }

    @Test
    void aTamperedFileIsReportedAsAltered() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE events SET kind = 'order.refunded' WHERE id = (SELECT MIN(id) FROM events)");
            }
            Verifier.Report report = Verifier.verify(repo.path(), out);
            assertThat(report.failures()).extracting(Verifier.Check::part).containsExactly("tables");
            assertThat(report.failures().get(0).detail()).contains("altered").contains("events")
                    .contains("digest differs");
        }
    }
}
