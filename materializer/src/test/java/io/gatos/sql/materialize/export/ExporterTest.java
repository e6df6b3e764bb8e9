package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.OutputLock;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.schemas.testing.ManifestValidator;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    @TempDir
    Path dir;

    @Test
    void exportsEveryTableWithTheLiveValues() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("out/ledger.sqlite");
            ExportResult result = Exporter.run(ExportOptions.of(repo.path(), out));
            assertThat(result.mode()).isEqualTo(ExportMode.FULL);
            try (Connection live = DriverManager.getConnection(repo.jdbcUrl())) {
                for (TableDef def : Catalog.get().tables()) {
                    List<String> expected = liveRows(live, def);
                    if (!def.name().equals("findings")) {
                        assertThat(expected).as(def.name()).isNotEmpty();
                    }
                    assertThat(fileRows(out, def)).as(def.name()).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(result.tableRows().get(def.name())).as(def.name()).isEqualTo(expected.size());
                }
            }
        }
    }

    /** Adds one case of each finding issue 15 added: a misshapen ref, a bad ULID, a bad time, an unpaired surrogate. */
    private static void addSilentCases(LedgerTestRepository repo) throws Exception {
        var w = repo.writer();
        java.time.Instant t = java.time.Instant.parse("2026-01-04T00:00:00Z");
        w.appendRawEvent("odd", "ulid", "odd.ulid", ("{\"actor\":\"user:o\",\"payload\":{\"s\":\"\\ud800\"},"
                + "\"type\":\"odd.ulid\",\"ulid\":\"not-a-ulid!!\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8), t);
        w.setRef("refs/gatos/journal/solo", w.head("refs/gatos/journal/odd/ulid"));
        String envelope = "{\"actor\":\"user:o\",\"payload\":{},\"type\":\"odd.time\",\"ulid\":\""
                + repo.ulid(t) + "\"}";
        org.eclipse.jgit.lib.ObjectId carrier = w.commit(null, java.util.Map.of("message/envelope.json",
                envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "odd.time", List.of(), t);
        org.eclipse.jgit.lib.ObjectId tree;
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo.repository())) {
            tree = walk.parseCommit(carrier).getTree().getId();
        }
        String raw = "tree " + tree.name() + "\nauthor A <a@x> 9223372036854775807 +0000\ncommitter A <a@x>"
                + " 9223372036854775807 +0000\n\nodd.time\n";
        org.eclipse.jgit.lib.ObjectId commit;
        try (org.eclipse.jgit.lib.ObjectInserter ins = repo.repository().newObjectInserter()) {
            commit = ins.insert(org.eclipse.jgit.lib.Constants.OBJ_COMMIT,
                    raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ins.flush();
        }
        w.setRef("refs/gatos/journal/odd/time", commit);
    }

    @Test
    void theFindingsOfIssue15DoNotStopAnExport() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            addSilentCases(repo);
            Path out = dir.resolve("out/ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            try (Connection live = DriverManager.getConnection(repo.jdbcUrl())) {
                for (TableDef def : Catalog.get().tables()) {
                    assertThat(fileRows(out, def)).as(def.name())
                            .containsExactlyInAnyOrderElementsOf(liveRows(live, def));
                }
            }
            assertThat(SqliteDump.rows(out, "SELECT code FROM findings WHERE code IN ('BAD_REF', 'BAD_TEXT', 'BAD_TIME', 'BAD_ULID')"
                    + " ORDER BY code"))
                    .containsExactly(List.of("BAD_REF"), List.of("BAD_TEXT"), List.of("BAD_TIME"), List.of("BAD_ULID"));
            assertThat(SqliteDump.rows(out, "SELECT payload, ts FROM events WHERE id = 'not-a-ulid!!'"))
                    .containsExactly(List.of("{\"s\":\"\\ud800\"}", 1_767_484_800_000L));
            assertThat(SqliteDump.rows(out, "SELECT ts FROM events WHERE ns = 'odd' AND kind = 'odd.time'"))
                    .containsExactly(List.of(0L));
            Exporter.run(ParquetExportTest.parquet(repo.path(), dir.resolve("out/parquet")));
        }
    }

    @Test
    void theFileIsStrictConsistentAndDescribedByAValidManifest() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            assertThat(SqliteDump.rows(out, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(SqliteDump.rows(out, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(SqliteDump.rows(out, "PRAGMA user_version")).containsExactly(List.of(101L));
            assertThat(SqliteDump.rows(out, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list('events')"))
                    .containsExactly(List.of("commits", "commit_id"));
            assertThat(SqliteDump.rows(out, "SELECT name, type, \"notnull\", pk FROM pragma_table_info('jobs')"
                    + " WHERE name IN ('id', 'status', 'finished_at', 'manifest', 'created_ts')"))
                    .containsExactlyInAnyOrder(List.of("id", "TEXT", 1L, 1L), List.of("status", "TEXT", 1L, 0L),
                            List.of("finished_at", "INTEGER", 0L, 0L), List.of("manifest", "JSON TEXT", 0L, 0L),
                            List.of("created_ts", "INTEGER", 1L, 0L));
            assertThat(SqliteDump.rows(out, "SELECT name FROM sqlite_master WHERE type = 'index'"
                    + " AND tbl_name = 'events' AND name LIKE 'idx_%'")).isNotEmpty();
            assertThat(SqliteDump.rows(out, "SELECT COUNT(*) FROM export_info")).containsExactly(List.of(1L));
            String manifest = Files.readString(ExportManifestFile.pathOf(out));
            assertThat(ManifestValidator.errors(manifest)).isEmpty();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out); Statement s = c.createStatement()) {
                assertThat(SqliteDump.rows(c, "PRAGMA journal_mode")).containsExactly(List.of("delete"));
                assertThatThrownBy(() -> s.executeUpdate("UPDATE jobs SET status = 'done'"))
                        .hasMessageContaining("CHECK");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET payload = '{oops'"))
                        .hasMessageContaining("CHECK");
            }
        }
    }

    @Test
    void theFileDeclaresTheRelationsThatJdbcMetadataReports() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            List<List<Object>> declared = new ArrayList<>();
            List<List<Object>> imported = new ArrayList<>();
            List<List<Object>> exported = new ArrayList<>();
            try (Connection live = DriverManager.getConnection(repo.jdbcUrl())) {
                for (TableDef def : Catalog.get().tables()) {
                    for (List<Object> row : SqliteDump.rows(out, "SELECT \"table\", \"from\", \"to\", seq + 1 FROM"
                            + " pragma_foreign_key_list('" + def.name() + "')")) {
                        declared.add(List.of(def.name(), row.get(0), row.get(1), row.get(2), row.get(3)));
                    }
                    imported.addAll(keys(live.getMetaData().getImportedKeys(null, "gatos", def.name())));
                    exported.addAll(keys(live.getMetaData().getExportedKeys(null, "gatos", def.name())));
                }
            }
            assertThat(imported).as("getImportedKeys, table by table").containsExactlyInAnyOrderElementsOf(declared)
                    .hasSize(Catalog.get().foreignKeys().size());
            assertThat(exported).as("getExportedKeys, table by table").containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    /** Returns [referencing table, referenced table, column, referenced column, position] per key column. */
    private static List<List<Object>> keys(ResultSet rs) throws SQLException {
        List<List<Object>> keys = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                keys.add(List.of(rs.getString("FKTABLE_NAME"), rs.getString("PKTABLE_NAME"),
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"), (long) rs.getShort("KEY_SEQ")));
            }
        }
        return keys;
    }

    @Test
    void exportingTheSameStateTwiceGivesTheSameDumpAndManifest() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path a = dir.resolve("a/ledger.sqlite");
            Path b = dir.resolve("b/ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), a));
            Exporter.run(ExportOptions.of(repo.path(), b));
            assertThat(SqliteDump.dump(b)).isEqualTo(SqliteDump.dump(a));
            ExportManifest ma = ExportManifestFile.read(ExportManifestFile.pathOf(a));
            ExportManifest mb = ExportManifestFile.read(ExportManifestFile.pathOf(b));
            assertThat(withoutCreatedAt(mb)).isEqualTo(withoutCreatedAt(ma));
        }
    }

    @Test
    void aSecondRunWithNothingNewChangesNothing() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), out));
            byte[] file = Files.readAllBytes(out);
            byte[] manifest = Files.readAllBytes(ExportManifestFile.pathOf(out));
            ExportResult again = Exporter.run(ExportOptions.of(repo.path(), out));
            assertThat(again.upToDate()).isTrue();
            assertThat(again.summary()).contains("up to date");
            assertThat(Files.readAllBytes(out)).isEqualTo(file);
            assertThat(Files.readAllBytes(ExportManifestFile.pathOf(out))).isEqualTo(manifest);
        }
    }

    @Test
    void aDuplicateUlidAbortsNamingBothCommits() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            var spec = repo.eventSpec("alice", "order.created", "{}");
            String first = repo.event("orders", "alice", spec).name();
            String second = repo.event("orders", "alice", spec).name();
            Path out = dir.resolve("ledger.sqlite");
            assertThatThrownBy(() -> Exporter.run(ExportOptions.of(repo.path(), out)))
                    .isInstanceOfSatisfying(MaterializeException.class, e -> assertThat(e.code())
                            .isEqualTo(MaterializeException.Code.DUPLICATE_ULID))
                    .hasMessageContaining(spec.ulid()).hasMessageContaining(first).hasMessageContaining(second);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void aHeldLockStopsASecondRun() {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"));
                OutputLock held = OutputLock.acquire(dir.resolve("ledger.sqlite"))) {
            assertThatThrownBy(() -> Exporter.run(ExportOptions.of(repo.path(), dir.resolve("ledger.sqlite"))))
                    .isInstanceOfSatisfying(MaterializeException.class, e -> assertThat(e.code())
                            .isEqualTo(MaterializeException.Code.LOCKED))
                    .hasMessageContaining("another run");
        }
    }

    @Test
    void refusesToOverwriteAFileItDidNotWrite() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("precious.sqlite");
            Files.writeString(out, "not mine");
            assertThatThrownBy(() -> Exporter.run(ExportOptions.of(repo.path(), out)))
                    .hasMessageContaining("has no manifest");
            ExportOptions full = new ExportOptions(repo.path(), out, null, null, null, null, null, 100, true, null);
            assertThatThrownBy(() -> Exporter.run(full)).hasMessageContaining("has no manifest");
            assertThat(Files.readString(out)).isEqualTo("not mine");
        }
    }

    static ExportManifest withoutCreatedAt(ExportManifest m) {
        return new ExportManifest(m.schema(), m.manifestVersion(), m.format(), m.output(), m.extractorVersion(),
                m.stateRef(), m.commitRange(), m.frontier(), m.ledgerHead(), m.policyRoot(), m.foldRoot(),
                m.explorerRoot(), m.tables(), m.run(), m.ledgerTime(), "");
    }

    /** Returns the rows of {@code def} read live through the embedded driver, rendered as SQLite stores them. */
    static List<String> liveRows(Connection live, TableDef def) throws SQLException {
        String cols = def.columnNames().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
        List<String> out = new ArrayList<>();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        try (Statement s = live.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + cols + " FROM gatos.\"" + def.name() + "\"")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < def.columns().size(); i++) {
                    ColumnDef c = def.columns().get(i);
                    Object v = switch (c.type()) {
                        case TIMESTAMP -> rs.getTimestamp(i + 1, utc) == null ? null
                                : rs.getTimestamp(i + 1, utc).getTime();
                        case BOOLEAN -> rs.getBoolean(i + 1) ? 1L : 0L;
                        case INTEGER, BIGINT -> rs.getLong(i + 1);
                        default -> rs.getString(i + 1);
                    };
                    row.add(rs.wasNull() ? null : v);
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Returns the catalog columns of {@code def} as stored in {@code file}. */
    static List<String> fileRows(Path file, TableDef def) throws SQLException {
        String cols = def.columnNames().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
        return SqliteDump.rows(file, "SELECT " + cols + " FROM \"" + def.name() + "\"").stream()
                .map(List::toString).toList();
    }
}
