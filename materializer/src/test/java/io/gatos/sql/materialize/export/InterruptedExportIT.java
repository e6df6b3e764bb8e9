package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.materialize.CommitFaults;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills an export in a child JVM before each write and rename of its commit (through
 * {@link CommitFaults}), then checks that a plain next run succeeds, {@code verify} matches, and
 * no temporary file, staging area or lock is left: for a first export and an incremental one.
 */
class InterruptedExportIT {
    private static final int MAX_STEPS = 80;
    private static final long TIMEOUT_SECONDS = 120;
    /** A few tables (each a step of a Parquet commit, or more), one of them partitioned, one rewritten. */
    static final List<String> TABLES = List.of("commits", "events", "refs");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void aRunKilledAtAnyCommitStepIsFinishedByTheNextPlainRun(Format format) throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path base = dir.resolve("base/ledger.out");
            Exporter.run(options(repo.path(), base, format));
            repo.event("orders", "alice", "order.shipped", "{\"amount\":30}");
            repo.event("audit", "zed", "audit.seen", "{\"n\":1}");
            int killed = 0;
            for (boolean incremental : new boolean[] {false, true}) {
                for (int step = 1; step <= MAX_STEPS; step++) {
                    Path out = dir.resolve((incremental ? "inc" : "first") + step).resolve("ledger.out");
                    if (incremental) {
                        copy(base.getParent(), out.getParent());
                    }
                    int exit = child(format, repo.path(), out, step);
                    if (exit == 0) {
                        break;
                    }
                    killed++;
                    assertThat(exit).as("child halted at step %d", step).isEqualTo(CommitFaults.EXIT);
                    String what = format + (incremental ? " incremental" : " first") + " run killed at step " + step;
                    Exporter.run(options(repo.path(), out, format));
                    Verifier.Report report = Verifier.verify(repo.path(), out);
                    assertThat(report.failures()).as(what).isEmpty();
                    assertThat(leftovers(out.getParent())).as(what).isEmpty();
                    assertThat(step).as("the commit has fewer steps than %d", MAX_STEPS).isLessThan(MAX_STEPS);
                }
            }
            System.out.println(format + ": " + killed + " runs killed, each finished by the next plain run");
            assertThat(killed).as("runs killed").isGreaterThan(4);
        }
    }

    static ExportOptions options(Path repo, Path out, Format format) {
        return new ExportOptions(repo, out, TABLES, null, null, null, null, ExportOptions.DEFAULT_BATCH, false, null,
                format);
    }

    /** Runs a plain export in a child JVM armed to halt before commit step {@code step}; returns its exit code. */
    private int child(Format format, Path repo, Path out, int step) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "child", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-D" + CommitFaults.PROPERTY + "=" + step,
                "-cp", System.getProperty("java.class.path"), ExportChild.class.getName(), format.name(),
                repo.toString(), out.toString(), String.join(",", TABLES))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child export did not end within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        int exit = p.exitValue();
        assertThat(exit).as("child output: %s", Files.readString(log, StandardCharsets.UTF_8))
                .isIn(0, CommitFaults.EXIT);
        return exit;
    }

    /** Returns every file under {@code dir} that a finished export does not own. */
    private static List<String> leftovers(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace(File.separatorChar, '/'))
                    .filter(name -> name.endsWith(".tmp") || name.endsWith(".lock") || name.contains("staging")
                            || name.contains("commit.json") || name.contains("COMMIT") || name.endsWith("-journal")
                            || name.endsWith("-wal"))
                    .forEach(out::add);
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
