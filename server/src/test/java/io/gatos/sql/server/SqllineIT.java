package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs sqlline as a user downloads it from Maven Central (the {@code jar-with-dependencies} jar, the
 * shaded Avatica client jar and the slf4j-api jar that client needs) in a separate JVM against a
 * served ledger. The pom copies the jars into the directory named by {@code gatos.clients.dir}.
 */
class SqllineIT {
    private static final long TIMEOUT_SECONDS = 60;

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
    void runsAQueryThroughTheAvaticaDriverAndPrintsItsRows() throws Exception {
        Run run = sqlline("SELECT ns, COUNT(*) AS n FROM events GROUP BY ns ORDER BY ns");

        assertThat(run.exitCode).as(run.describe()).isZero();
        assertThat(run.stdoutLines()).as(run.describe())
                .containsExactly("'ns','n'", "'billing','2'", "'orders','5'");
        assertThat(run.stderr).as(run.describe()).contains("2 rows selected").doesNotContain("Error:");
    }

    @Test
    void reportsAnUnknownTableReadablyAndExitsNonZero() throws Exception {
        Run run = sqlline("SELECT * FROM nope");

        // sqlline 1.12 exits with 2 when a -e command fails
        assertThat(run.exitCode).as(run.describe()).isEqualTo(2);
        assertThat(run.stdoutLines()).as(run.describe()).isEmpty();
        assertThat(run.stderr.lines().filter(l -> l.startsWith("Error:")).findFirst()).as(run.describe())
                .hasValueSatisfying(line -> assertThat(line).contains("Object 'nope' not found"));
    }

    /** Runs {@code sql} non-interactively with sqlline in its own JVM, as a user would from a shell. */
    private static Run sqlline(String sql) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("gatos.clients.dir", "target/clients"));
        List<String> jars = new ArrayList<>();
        for (String name : List.of("sqlline-jar-with-dependencies.jar", "avatica.jar", "slf4j-api.jar")) {
            Path jar = clients.resolve(name);
            assertThat(jar).as("client jar copied by the pom's pre-integration-test step").isRegularFile();
            jars.add(jar.toAbsolutePath().toString());
        }
        Path home = Files.createTempDirectory(dir, "home");
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java,
                "-Duser.home=" + home, // sqlline keeps its history and properties under the home directory
                "-cp", String.join(File.pathSeparator, jars),
                "sqlline.SqlLine",
                "-d", "org.apache.calcite.avatica.remote.Driver",
                "-u", fixture.server.jdbcUrl(),
                "-n", "anyone", "-p", "anyone",
                "--outputformat=csv",
                "-e", sql)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Process process = pb.start();
        process.getOutputStream().close(); // no terminal input: sqlline must not wait for any
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Run run = new Run(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertThat(finished).as("sqlline finished within %d s; %s", TIMEOUT_SECONDS, run.describe()).isTrue();
        return run;
    }

    /** What one sqlline process did. */
    private record Run(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().filter(l -> !l.isBlank()).toList();
        }

        String describe() {
            return "sqlline exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }
}
