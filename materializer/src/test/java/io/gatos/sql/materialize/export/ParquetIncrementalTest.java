package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.parquet.DuckDb;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetIncrementalTest {
    @TempDir
    Path dir;

    @Test
    void appendedEventsAreSeenExactlyOnceAndTheDatasetEqualsTheLiveTables() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            for (int i = 0; i < 30; i++) {
                repo.event("orders", i % 2 == 0 ? "alice" : "erin", "order.created", "{\"i\":" + i + "}");
            }
            repo.job("deploy", "pending");
            ExportResult second = Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            assertThat(second.mode()).isEqualTo(ExportMode.INCREMENTAL);
            assertThat(second.rowsWritten()).containsEntry("events", 30L).containsEntry("commits", 31L);
            String events = DuckDb.literal(out + "/events/**/*.parquet");
            assertThat(DuckDb.value("SELECT count(*) - count(DISTINCT id) FROM read_parquet(" + events + ")"))
                    .isEqualTo("0");
            try (Connection live = DriverManager.getConnection(repo.jdbcUrl())) {
                for (TableDef def : Catalog.get().tables()) {
                    assertThat(ParquetExportTest.datasetRows(out, def)).as(def.name())
                            .containsExactlyInAnyOrderElementsOf(ExporterTest.liveRows(live, def));
                }
            }
            assertThat(Exporter.run(ParquetExportTest.parquet(repo.path(), out)).upToDate()).isTrue();
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    @Test
    void anEmptyPartitionedTableHasItsColumnsUntilRowsArrive() throws Exception {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            repo.job("build", "pending");
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            String events = DuckDb.literal(out + "/events/**/*.parquet");
            try (var listed = Files.list(out.resolve("events"))) {
                assertThat(listed.map(p -> p.getFileName().toString())).singleElement().asString()
                        .matches("part-[0-9a-f]{16}\\.parquet");
            }
            assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                    + events + ", hive_partitioning = true)) WHERE column_name IN ('id', 'payload', 'date')"))
                    .containsExactly(List.of("id", "VARCHAR"), List.of("payload", "VARCHAR"), List.of("date", "DATE"));
            assertThat(DuckDb.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(out + "/state_nodes/*.parquet")
                    + ")")).isEqualTo("0");
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();

            repo.event("orders", "alice", "order.created", "{\"i\":1}");
            assertThat(Exporter.run(ParquetExportTest.parquet(repo.path(), out)).mode()).isEqualTo(ExportMode.INCREMENTAL);
            try (var listed = Files.list(out.resolve("events"))) {
                assertThat(listed.map(p -> p.getFileName().toString())).as("Spark refuses a file beside date= dirs")
                        .singleElement().asString().startsWith("date=");
            }
            assertThat(DuckDb.rows("SELECT count(*), min(\"date\")::VARCHAR = min(ts AT TIME ZONE 'UTC')::DATE::VARCHAR"
                    + " FROM read_parquet(" + events + ", hive_partitioning = true)")).containsExactly(List.of("1", "true"));
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    @Test
    void anExportByAnOlderVersionIsRebuiltAndSaysSo() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Path manifest = ExportManifestFile.pathOf(out);
            Files.writeString(manifest, Files.readString(manifest).replace(Exporter.EXTRACTOR_VERSION, "gatos-sql/0.1.0"));
            List<String> notes = new java.util.ArrayList<>();
            ExportObserver observer = new ExportObserver() {
                @Override
                public void note(String message) {
                    notes.add(message);
                }
            };
            ExportResult rerun = Exporter.run(ParquetExportTest.parquet(repo.path(), out).withObserver(observer));
            assertThat(rerun.mode()).isEqualTo(ExportMode.FULL);
            assertThat(notes).singleElement().asString().contains("gatos-sql/0.1.0", Exporter.EXTRACTOR_VERSION,
                    "rebuilding");
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    @Test
    void aRerunOfTheSameRowsNeverDuplicatesAFile() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Map<String, String> before = digests(out);
            ExportResult full = Exporter.run(new ExportOptions(repo.path(), out, null, null, null, null, null, 100,
                    true, null, Format.PARQUET));
            assertThat(full.mode()).isEqualTo(ExportMode.FULL);
            assertThat(digests(out)).isEqualTo(before);
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    @Test
    void anInterruptedRunLeavesThePreviousDatasetReadableAndConsistent() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Map<String, String> before = digests(out);
            String manifest = Files.readString(ExportManifestFile.pathOf(out));
            for (int i = 0; i < 30; i++) {
                repo.event("orders", "alice", "order.created", "{\"i\":" + i + "}");
            }
            ExportObserver dies = new ExportObserver() {
                @Override
                public void tableDone(String table, long rows) {
                    if (table.equals("events")) {
                        throw new IllegalStateException("killed");
                    }
                }
            };
            assertThatThrownBy(() -> Exporter.run(ParquetExportTest.parquet(repo.path(), out).withObserver(dies)))
                    .hasMessageContaining("killed");
            assertThat(digests(out)).isEqualTo(before);
            assertThat(Files.readString(ExportManifestFile.pathOf(out))).isEqualTo(manifest);
            assertThat(DuckDb.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(out + "/events/**/*.parquet")
                    + ")")).isEqualTo(String.valueOf(ExportManifestFile.read(ExportManifestFile.pathOf(out)).tables()
                            .get("events").rows()));
            assertThat(Exporter.run(ParquetExportTest.parquet(repo.path(), out)).rowsWritten())
                    .containsEntry("events", 30L);
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    @Test
    void verifyNamesAnAlteredAMissingAndAnUnlistedFile() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            ExportManifest manifest = ExportManifestFile.read(ExportManifestFile.pathOf(out));
            String jobs = manifest.tables().get("jobs").files().get(0).path();
            String commits = manifest.tables().get("commits").files().get(0).path();
            byte[] bytes = Files.readAllBytes(out.resolve(jobs));
            bytes[10] ^= 1;
            Files.write(out.resolve(jobs), bytes);
            Files.delete(out.resolve(commits));
            Files.writeString(out.resolve("events/stray.parquet"), "not parquet");
            Verifier.Report report = Verifier.verify(repo.path(), out);
            assertThat(report.failures()).extracting(Verifier.Check::part).containsExactly("files", "unlisted");
            assertThat(report.failures().get(0).detail()).contains(jobs + ": digest differs", commits + ": missing");
            assertThat(report.failures().get(1).detail()).contains("events/stray.parquet");
        }
    }

    @Test
    void aTornCommitIsFinishedByTheNextRun() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Path staging = Files.createDirectories(out.resolve("_gatos/staging"));
            Path staged = Files.writeString(staging.resolve("x.tmp"), "moved");
            Files.writeString(staging.resolve("COMMIT.json"), "{\"moves\":[{\"from\":\"" + staged.toAbsolutePath()
                    + "\",\"to\":\"" + out.resolve("_gatos/moved.txt").toAbsolutePath() + "\"}],\"deletes\":[]}");
            assertThat(Verifier.verify(repo.path(), out).failures()).extracting(Verifier.Check::part)
                    .containsExactly("commit");
            assertThat(Exporter.run(ParquetExportTest.parquet(repo.path(), out)).upToDate()).isTrue();
            assertThat(out.resolve("_gatos/moved.txt")).hasContent("moved");
            assertThat(staging).doesNotExist();
        }
    }

    @Test
    void aLaterEventWithAnExportedUlidIsRefusedNamingBothCommits() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            var spec = repo.eventSpec("alice", "order.created", "{}");
            String first = repo.event("orders", "alice", spec).name();
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Map<String, String> before = digests(out);
            String second = repo.event("orders", "zed", spec).name();
            assertThatThrownBy(() -> Exporter.run(ParquetExportTest.parquet(repo.path(), out)))
                    .isInstanceOfSatisfying(MaterializeException.class, e -> assertThat(e.code())
                            .isEqualTo(MaterializeException.Code.DUPLICATE_ULID))
                    .hasMessageContaining("two events carry ULID " + spec.ulid())
                    .hasMessageContaining(first).hasMessageContaining(second);
            assertThat(digests(out)).isEqualTo(before);
        }
    }

    @Test
    void aDuplicateUlidWithinOneRunIsRefusedToo() throws Exception {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            var spec = repo.eventSpec("alice", "order.created", "{}");
            String first = repo.event("orders", "alice", spec).name();
            String second = repo.event("orders", "alice", spec).name();
            Path out = dir.resolve("dataset");
            Path neighbour = Files.writeString(dir.resolve("dataset-journal"), "someone's file");
            assertThatThrownBy(() -> Exporter.run(ParquetExportTest.parquet(repo.path(), out)))
                    .isInstanceOfSatisfying(MaterializeException.class, e -> assertThat(e.code())
                            .isEqualTo(MaterializeException.Code.DUPLICATE_ULID))
                    .hasMessageContaining(spec.ulid()).hasMessageContaining(first).hasMessageContaining(second);
            assertThat(neighbour).as("cleanup never touches files beside the output").hasContent("someone's file");
            assertThat(ExportManifestFile.pathOf(out)).doesNotExist();
            assertThat(out).as("a failed first run leaves nothing behind").doesNotExist();
        }
    }

    @Test
    void aMissingKeyIndexRebuildsTheExport() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), out));
            Files.delete(out.resolve("_gatos/keys/events.bin"));
            repo.event("orders", "alice", "order.created", "{\"late\":true}");
            List<String> notes = new java.util.ArrayList<>();
            ExportObserver listen = new ExportObserver() {
                @Override
                public void note(String message) {
                    notes.add(message);
                }
            };
            ExportResult result = Exporter.run(ParquetExportTest.parquet(repo.path(), out).withObserver(listen));
            assertThat(result.mode()).isEqualTo(ExportMode.FULL);
            assertThat(notes).singleElement().asString().contains("key index", "events.bin");
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
            assertThat(DuckDb.value("SELECT count(*) - count(DISTINCT id) FROM read_parquet("
                    + DuckDb.literal(out + "/events/**/*.parquet") + ")")).isEqualTo("0");
        }
    }

    private static Map<String, String> digests(Path out) throws Exception {
        Map<String, String> map = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                map.put(out.relativize(p).toString(), io.gatos.sql.materialize.parquet.FileDigest.of(p));
            }
        }
        return map;
    }
}
