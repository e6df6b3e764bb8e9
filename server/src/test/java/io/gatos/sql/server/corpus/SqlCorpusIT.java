package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatos.sql.server.GatosServer;
import io.gatos.sql.server.ServerConfig;
import io.gatos.sql.writer.sample.SampleLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the golden query corpus ({@code src/test/resources/corpus/*.test}) over one fixed-seed sample
 * ledger in four ways: embedded with the row cache off and on, and through {@code gatos serve} with
 * the stock Avatica client, cache on and off. Every way must give every case's expected block; one
 * failure lists every wrong outcome. System properties: {@code corpus.record} ({@link RecordMode}:
 * {@code new} writes the blocks of cases that have none, {@code all} rewrites every block, both from
 * the embedded {@code cache=false} run); {@code corpus.only=windows,json} runs only those files;
 * {@code corpus.dir} and {@code gatos.clients.dir} are set by the pom.
 */
class SqlCorpusIT {
    /** Events of the sample ledger: every table gets rows and a run stays fast. */
    static final int EVENTS = 400;
    /** The sample ledger's seed; changing it (or {@link #EVENTS}) changes every recorded answer. */
    static final long SEED = 14;
    /** The way every expected block is recorded from. */
    static final String REFERENCE = "embedded cache=false";
    /** Tables that must have rows for the corpus to exercise them. */
    static final List<String> POPULATED = List.of("commits", "events", "shiplog", "consumers", "state_checkpoints",
            "state_nodes", "pointers", "jobs", "governance_proposals", "governance_approvals", "governance_grants",
            "governance_revocations", "refs");

    @TempDir
    static Path dir;
    static GatosServer server;
    static StockAvaticaClient client;
    static final Map<String, Connection> WAYS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws SQLException {
        Path repo = dir.resolve("ledger.git");
        SampleLedger.generate(repo, EVENTS, SEED, null);
        server = GatosServer.start(ServerConfig.defaults(repo).withAddress("127.0.0.1", 0));
        client = StockAvaticaClient.load(Path.of(System.getProperty("gatos.clients.dir", "target/clients")));
        WAYS.put(REFERENCE, DriverManager.getConnection("jdbc:gatos:repo=" + repo + ";cache=false"));
        WAYS.put("embedded cache=on", DriverManager.getConnection("jdbc:gatos:repo=" + repo));
        WAYS.put("remote cache=on", client.connect(server.jdbcUrl(), new Properties()));
        Properties noCache = new Properties();
        noCache.setProperty("cache", "false");
        WAYS.put("remote cache=false", client.connect(server.jdbcUrl(), noCache));
    }

    @AfterAll
    static void stop() throws SQLException {
        for (Connection c : WAYS.values()) {
            c.close();
        }
        WAYS.clear();
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theSampleLedgerFillsEveryTable() throws SQLException {
        Connection c = WAYS.get(REFERENCE);
        for (String table : POPULATED) {
            assertThat(Outcome.run(c, new CorpusCase("setup", 1, CorpusCase.Kind.QUERY,
                    "SELECT COUNT(*) > 0 AS filled FROM " + table, List.of(), 0, 0)).lines())
                    .as(table).containsExactly("filled BOOLEAN", "true");
        }
    }

    @Test
    void remoteWaysUseTheStockClientJarOnly() throws SQLException {
        assertThat(client.driver().getClass().getName()).isEqualTo(StockAvaticaClient.DRIVER);
        assertThat(client.driver().getClass().getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("/avatica.jar");
        assertThat(WAYS.get("remote cache=on").getMetaData().getDriverName()).contains("Avatica");
    }

    @Test
    void everyWayGivesEveryCaseItsRecordedResult() throws InterruptedException {
        RecordMode record = RecordMode.of(System.getProperty("corpus.record"));
        Map<Path, CorpusFile> files = new LinkedHashMap<>();
        corpusFiles().forEach(p -> files.put(p, CorpusFile.read(p)));
        List<CorpusCase> cases = files.values().stream().flatMap(f -> f.cases().stream()).toList();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        CorpusRun run = CorpusRun.run(WAYS, cases);
        System.out.printf(Locale.ROOT, "corpus: %d cases in %.1f s (process CPU %.1f s);%s%n", cases.size(),
                (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9,
                WAYS.keySet().stream().map(w -> String.format(Locale.ROOT, " %s %.1f s", w,
                        run.perWay().get(w).toNanos() / 1e9)).collect(Collectors.joining(";")));
        System.out.println("corpus: slowest cases (all ways): " + String.join(", ", run.slowest(8)));

        CorpusReport report = new CorpusReport();
        for (Map.Entry<Path, CorpusFile> file : files.entrySet()) {
            Map<CorpusCase, List<String>> recorded = new LinkedHashMap<>();
            for (CorpusCase c : file.getValue().cases()) {
                report.countCase();
                Outcome reference = run.outcomes().get(REFERENCE).get(c);
                CorpusCase expected = c;
                if (record.rewrites(c, reference)) {
                    recorded.put(c, reference.lines());
                    expected = c.withExpected(reference.lines());
                }
                for (String way : WAYS.keySet()) {
                    Outcome actual = run.outcomes().get(way).get(c);
                    if (c.kind() == CorpusCase.Kind.KNOWN_WRONG) {
                        report.checkKnownWrong(c, way, actual, reference);
                    } else {
                        report.check(expected, way, actual);
                    }
                }
            }
            if (!recorded.isEmpty()) {
                CorpusFile.write(file.getKey(), file.getValue().withExpected(recorded));
                System.out.println("corpus: recorded " + recorded.size() + " cases in " + file.getKey());
            }
        }
        System.out.println("corpus: " + report.summary());
        if (!report.mismatches().isEmpty()) {
            fail(report.render());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Returns the corpus files to run, sorted by name, filtered by {@code corpus.only}. */
    static List<Path> corpusFiles() {
        Path corpus = Path.of(System.getProperty("corpus.dir", "src/test/resources/corpus"));
        String only = System.getProperty("corpus.only", "");
        Set<String> wanted = only.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(only.split("\\s*,\\s*")));
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> list = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".test"))
                    .filter(p -> wanted.isEmpty() || wanted.contains(p.getFileName().toString().replace(".test", "")))
                    .sorted().toList());
            assertThat(list).as("corpus files in %s (corpus.only=%s)", corpus.toAbsolutePath(), only).isNotEmpty();
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus directory " + corpus.toAbsolutePath(), e);
        }
    }
}
