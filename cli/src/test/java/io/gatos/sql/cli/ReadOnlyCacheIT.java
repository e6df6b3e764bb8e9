package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Queries a ledger whose row cache cannot be written with {@code gatos sql}: the answers equal
 * those of {@code --no-cache}, and the only sign is one warning on standard error. Tests run as
 * root, so the cache directory is made impossible by a regular file at {@code <git dir>/gatos-sql}.
 */
class ReadOnlyCacheIT {
    private static final int EVENTS = 2000; // journals long enough to be worth a cache file
    private static final List<String> QUERIES =
            List.of(
                    "SELECT COUNT(*) AS n FROM events",
                    "SELECT ns, stream, id, kind, payload, error FROM events ORDER BY id",
                    "SELECT id, ts FROM events ORDER BY ts DESC, id DESC LIMIT 7");

    @TempDir static Path temp;
    static Path ledger;

    @BeforeAll
    static void generate() throws Exception {
        ledger = temp.resolve("ledger.git");
        Cli cli = Cli.run("generate", "--out", ledger.toString(), "--events", String.valueOf(EVENTS));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Files.writeString(ledger.resolve("gatos-sql"), "not a directory: the cache cannot be made here");
    }

    /** Runs {@code action} with System.err captured; returns what it printed there and its result. */
    private static <T> Captured<T> capturingStderr(Supplier<T> action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T result = action.get();
            return new Captured<>(result, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    private record Captured<T>(T result, String stderr) {}

    @Test
    void sqlAnswersAsWithoutTheCacheAndWarnsOnce() {
        List<String> cached = new ArrayList<>();
        Captured<List<Cli>> run =
                capturingStderr(
                        () -> {
                            List<Cli> runs = new ArrayList<>();
                            for (String q : QUERIES) {
                                runs.add(Cli.run("sql", "--repo", ledger.toString(), "--format", "csv", q));
                            }
                            return runs;
                        });
        for (Cli cli : run.result()) {
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.err()).isEmpty();
            cached.add(cli.out());
        }
        for (int i = 0; i < QUERIES.size(); i++) {
            Cli uncached =
                    Cli.run("sql", "--repo", ledger.toString(), "--no-cache", "--format", "csv", QUERIES.get(i));
            assertThat(uncached.exitCode()).as(uncached.err()).isZero();
            assertThat(cached.get(i)).as(QUERIES.get(i)).isEqualTo(uncached.out());
        }
        assertThat(cached.get(0).lines()).containsExactly("n", String.valueOf(EVENTS));
        assertThat(run.stderr().lines().filter(l -> l.contains("cannot be written")).count())
                .as(run.stderr())
                .isEqualTo(1);
        assertThat(run.stderr()).contains(ledger.resolve("gatos-sql").toString(), "--no-cache");
        assertThat(ledger.resolve("gatos-sql")).isRegularFile();
    }

    @Test
    void noCacheIsInTheHelpOfSqlAndShell() {
        for (String command : List.of("sql", "shell")) {
            Cli help = Cli.run(command, "--help");
            assertThat(help.out()).as(command).contains("--no-cache");
        }
        assertThat(Cli.run("export", "--help").out()).contains("without the row cache");
    }
}
