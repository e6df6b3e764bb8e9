package io.gatos.sql.materialize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a real SQLite export with the system {@code sqlite3} (3.40 on Debian 12, installed by
 * {@code .ci/run}), not the SQLite bundled in the JDBC driver: a ledger with an unreadable envelope
 * (NULL payload), Unicode and 2^60+1 must pass {@code integrity_check} and {@code foreign_key_check},
 * reload from {@code .dump}, and open read-only.
 */
class SystemSqliteIT {
    @TempDir
    static Path dir;
    static Path export;

    @BeforeAll
    static void exportALedgerWithNullsAndUnicode() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            repo.event("orders", "alice", "order.created", "{\"n\":1152921504606846977,\"name\":\"Zoë 東京 🚀\"}");
            repo.event("orders", "bob", "order.paid", "{\"n\":2}");
            repo.writer().appendRawEvent("broken", "eve", "broken.event", "not json".getBytes(UTF_8),
                    Instant.parse("2026-01-02T00:00:00Z"));
            repo.job("build", "succeeded");
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
                + " WHERE json_extract(payload, '$.n') = 1152921504606846977;")).containsExactly("Zoë 東京 🚀");
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
        for (String table : List.of("events", "commits", "jobs")) {
            assertThat(sqlite3(copy.toString(), "SELECT COUNT(*) FROM " + table + ";"))
                    .isEqualTo(sqlite3(export.toString(), "SELECT COUNT(*) FROM " + table + ";"));
        }
        assertThat(sqlite3(copy.toString(), "PRAGMA integrity_check;")).containsExactly("ok");
    }

    @Test
    void aReaderWhoCannotWriteOpensIt() throws Exception {
        assertThat(sqlite3(export.toString(), "PRAGMA journal_mode;")).containsExactly("delete");
        String readOnly = "file:" + export.toAbsolutePath() + "?mode=ro";
        assertThat(sqlite3(readOnly, "SELECT COUNT(*) FROM events;")).containsExactly("3");
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
