package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.codec.Blake3;
import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.CommitMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalExportTest {
    @TempDir
    Path dir;

    @Test
    void aRunAfterNewEventsReadsOnlyTheNewCommitsAndEqualsAFullExport() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            for (int i = 0; i < 200; i++) {
                repo.event("orders", i % 2 == 0 ? "alice" : "dave", "order.created", "{\"i\":" + i + "}");
            }
            Path out = dir.resolve("inc/ledger.sqlite");
            ExportResult first = Exporter.run(ExportOptions.of(repo.path(), out));
            repo.event("orders", "alice", "order.paid", "{\"i\":200}");
            repo.event("orders", "erin", "order.created", "{\"i\":201}");
            repo.event("billing", "carol", "invoice.sent", "{\"i\":202}");
            ExportResult second = Exporter.run(ExportOptions.of(repo.path(), out));
            assertThat(second.mode()).isEqualTo(ExportMode.INCREMENTAL);
            assertThat(first.commitsRead()).isGreaterThan(400);
            // the derived tables (jobs, governance, consumers, refs) are re-read whole; events are not
            assertThat(second.commitsRead()).isLessThan(first.commitsRead() / 5);
            assertThat(second.rowsWritten()).containsEntry("events", 3L).containsEntry("commits", 3L)
                    .doesNotContainKey("jobs");
            Path full = dir.resolve("full/ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), full));
            for (TableDef def : Catalog.get().tables()) {
                assertThat(ExporterTest.fileRows(out, def)).as(def.name())
                        .containsExactlyInAnyOrderElementsOf(ExporterTest.fileRows(full, def));
            }
            assertThat(SqliteDump.rows(out, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(SqliteDump.rows(out, "SELECT run, mode FROM export_info ORDER BY run"))
                    .containsExactly(List.of(1L, "full"), List.of(2L, "incremental"));
        }
    }

    @Test
    void eventsAndCommitsAloneReadOnlyTheNewCommits() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            for (int i = 0; i < 200; i++) {
                repo.event("orders", "alice", "order.created", "{\"i\":" + i + "}");
            }
            Path out = dir.resolve("ledger.sqlite");
            ExportOptions options = new ExportOptions(repo.path(), out, List.of("events", "commits"), null, null,
                    null, null, 100, false, null);
            assertThat(Exporter.run(options).commitsRead()).isGreaterThan(400);
            repo.event("orders", "alice", "order.paid", "{}");
            repo.event("orders", "erin", "order.created", "{}");
            ExportResult second = Exporter.run(options);
            assertThat(second.rowsWritten()).containsOnly(java.util.Map.entry("events", 2L),
                    java.util.Map.entry("commits", 2L));
            // the two new commits are read by the clock, the frontier, the events scan and the commits scan;
            // none of the 200 old events is read again
            assertThat(second.commitsRead()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aJobWhoseStatusChangedIsUpdatedAndKeepsItsCreationTime() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            String hex = repo.job("deploy", "pending");
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            String sql = "SELECT status, created_ts, updated_ts FROM jobs WHERE id = 'blake3:" + hex + "'";
            List<Object> before = SqliteDump.rows(out, sql).get(0);
            repo.writer().claim(hex, LedgerTestRepository.WORKER, true, repo.tick());
            byte[] poe = ("{\"job_id\":\"blake3:" + hex + "\",\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            repo.writer().result(hex, CommitMessage.trailers("Job-Id", "blake3:" + hex, "Proof-Of-Execution",
                    Blake3.prefixed(poe), "Worker-Id", LedgerTestRepository.WORKER, "Job-Status", "succeeded"), poe,
                    repo.tick());
            ExportResult run = Exporter.run(ExportOptions.of(repo.path(), out));
            List<Object> after = SqliteDump.rows(out, sql).get(0);
            assertThat(run.mode()).isEqualTo(ExportMode.INCREMENTAL);
            assertThat(before.get(0)).isEqualTo("pending");
            assertThat(after.get(0)).isEqualTo("succeeded");
            assertThat(after.get(1)).isEqualTo(before.get(1));
            assertThat((Long) after.get(2)).isGreaterThan((Long) before.get(2));
            List<Object> untouched = SqliteDump.rows(out, "SELECT created_ts, updated_ts FROM jobs WHERE id <> 'blake3:"
                    + hex + "' AND status = 'succeeded'").get(0);
            assertThat(untouched.get(1)).isEqualTo(untouched.get(0));
        }
    }

    @Test
    void aFailedRunLeavesThePreviousExportAndManifestByteIdentical() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            ExportOptions options = new ExportOptions(repo.path(), out, null, null, null, null, null, 2, false, null);
            Exporter.run(options);
            byte[] file = Files.readAllBytes(out);
            byte[] manifest = Files.readAllBytes(ExportManifestFile.pathOf(out));
            for (int i = 0; i < 20; i++) {
                repo.event("orders", "alice", "order.created", "{\"i\":" + i + "}");
            }
            int[] batches = {0};
            ExportObserver failing = new ExportObserver() {
                @Override
                public void batch(String table, long rows) {
                    if (++batches[0] == 3) {
                        throw new IllegalStateException("injected failure after 3 batches");
                    }
                }
            };
            assertThatThrownBy(() -> Exporter.run(options.withObserver(failing))).hasMessageContaining("injected");
            assertThat(batches[0]).isEqualTo(3);
            assertThat(Files.readAllBytes(out)).isEqualTo(file);
            assertThat(Files.readAllBytes(ExportManifestFile.pathOf(out))).isEqualTo(manifest);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("ledger.git", "ledger.sqlite", "ledger.sqlite.manifest.json");
            }
            assertThat(Exporter.run(options).mode()).isEqualTo(ExportMode.INCREMENTAL);
        }
    }

    @Test
    void aFailedFirstRunLeavesNoOutput() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            ExportObserver failing = new ExportObserver() {
                @Override
                public void tableDone(String table, long rows) {
                    throw new IllegalStateException("injected");
                }
            };
            assertThatThrownBy(() -> Exporter.run(ExportOptions.of(repo.path(), out).withObserver(failing)))
                    .hasMessageContaining("injected");
            assertThat(out).doesNotExist();
            assertThat(ExportManifestFile.pathOf(out)).doesNotExist();
        }
    }

    @Test
    void otherOptionsOnAnExistingExportAreRefusedUnlessFull() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            ExportOptions eventsOnly = new ExportOptions(repo.path(), out, List.of("events"), null, null, null, null,
                    100, false, null);
            assertThatThrownBy(() -> Exporter.run(eventsOnly)).hasMessageContaining("--full");
            ExportOptions rebuild = new ExportOptions(repo.path(), out, List.of("events"), null, null, null, null,
                    100, true, null);
            assertThat(Exporter.run(rebuild).tableRows()).containsOnlyKeys("events");
        }
    }
}
