package io.gatos.sql.materialize.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a real SQLite export with the system {@code sqlite3} (3.40 on Debian 12, installed by
 * {@code .ci/run}), not the SQLite bundled in the JDBC driver: a ledger with an unreadable envelope
 * (NULL payload), NULLs in every nullable column, Unicode and 2^60+1 must pass {@code integrity_check} and {@code foreign_key_check},
 * reload from {@code .dump}, and open read-only.
 */
class SystemSqliteIT {
    @TempDir
    static Path dir;
    static Path export;

    @BeforeAll
    static void exportALedgerWithNullsAndUnicode() {
        try (LedgerTestRepository repo = ExportFixture.hostile(dir.resolve("ledger.git"))) {
            export = dir.resolve("out/ledger.sqlite");
            Exporter.run(ExportOptions.of(repo.path(), export));
        }
    }

    @Test
    void theSystemSqlite3FindsTheFileSound() throws Exception {
        assertThat(sqlite3(export.toString(), "PRAGMA integrity_check;")).containsExactly("ok");
        assertThat(sqlite3(export.toString(), "PRAGMA foreign_key_check;")).isEmpty();
        assertThat(sqlite3(export.toString(), "SELECT COUNT(*) FROM events WHERE payload IS NULL;")).containsExactly("1");
        assertThat(sqlite3(export.toString(), "SELECT json_extract(payload, '$.name') FROM events"
                + " WHERE kind = '注文.作成';")).containsExactly("Zoë 東京 🚀");
        assertThat(sqlite3(export.toString(), "SELECT id FROM events WHERE json_extract(payload, '$.big')"
                + " = 1152921504606846977;")).hasSize(1);
        assertThat(sqlite3(export.toString(), "SELECT sum(json_extract(payload, '$.amount')) FROM events;"))
                .containsExactly("42");
    }

    @Test
    void everyNullableColumnHoldsANullInTheFile() throws Exception {
        List<String> neverNull = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            for (ColumnDef c : def.columns()) {
                if (c.nullable() && sqlite3(export.toString(), "SELECT count(*) - count(\"" + c.name() + "\") FROM \""
                        + def.name() + "\";").equals(List.of("0"))) {
                    neverNull.add(def.name() + "." + c.name());
                }
            }
        }
        assertThat(neverNull).as("no reader reports a finding without its ref").containsExactly("findings.ref");
    }

    @Test
    void aDumpReloadsIntoAnEmptyDatabase() throws Exception {
        List<String> dump = sqlite3(export.toString(), ".dump");
        Path copy = dir.resolve("reloaded.sqlite");
        Process p = new ProcessBuilder("sqlite3", "-bail", copy.toString()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(String.join("\n", dump).getBytes(UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (String table : Catalog.get().tables().stream().map(TableDef::name).toList()) {
            assertThat(sqlite3(copy.toString(), "SELECT COUNT(*) FROM " + table + ";"))
                    .isEqualTo(sqlite3(export.toString(), "SELECT COUNT(*) FROM " + table + ";"));
        }
        assertThat(sqlite3(copy.toString(), "PRAGMA integrity_check;")).containsExactly("ok");
    }

    @Test
    void aReaderWhoCannotWriteOpensIt() throws Exception {
        assertThat(sqlite3(export.toString(), "PRAGMA journal_mode;")).containsExactly("delete");
        String readOnly = "file:" + export.toAbsolutePath() + "?mode=ro";
        assertThat(sqlite3(readOnly, "SELECT COUNT(*) FROM events;"))
                .isEqualTo(sqlite3(export.toString(), "SELECT COUNT(*) FROM events;")).isNotEqualTo(List.of("0"));
        assertThat(Files.exists(Path.of(export + "-wal"))).isFalse();
    }

    /** Runs the system sqlite3 on {@code database} with {@code sql}; returns its output lines. */
    private static List<String> sqlite3(String database, String sql) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", "-bail", database, sql).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("this test needs the sqlite3 command (apt-get install sqlite3;"
                    + " .ci/run installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("sqlite3 %s %s: %s", database, sql, out).isZero();
        return new ArrayList<>(out.lines().toList());
    }
}
