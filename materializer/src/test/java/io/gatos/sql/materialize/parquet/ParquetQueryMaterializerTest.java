package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.files.FileSource;
import io.gatos.sql.materialize.files.QueryConnections;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetQueryMaterializerTest {
    private static final String EVENTS = "SELECT id, ns, pos, kind, ts, payload FROM events";
    private static final String DUCK_COLUMNS = "id, ns, pos, kind, epoch_ms(ts), payload";

    @TempDir
    Path temp;

    private LedgerTestRepository ledger;

    @BeforeEach
    void ledger() {
        ledger = LedgerTestRepository.create(temp.resolve("ledger.git"));
        event("orders", "order.created", "{\"amount\":10}", "2025-12-31T23:59:59.500Z");
        event("orders", "order.paid", "{\"amount\":10}", "2026-01-01T00:00:00.250Z");
        event("billing", "invoice.sent", "{\"amount\":7}", "2026-02-15T12:00:00Z");
        event("ops=eu", "deploy", "{}", "2026-02-16T08:30:00Z");
        ledger.path();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private void event(String ns, String type, String payload, String time) {
        Instant at = Instant.parse(time);
        ledger.event(ns, "alice", EventSpec.of(type, Ulid.create(at.toEpochMilli(), new Random(at.toEpochMilli())),
                "user:alice", payload, at));
    }

    private ParquetQueryMaterializer.Result run(String sql, Path out, PartitionSpec partition, FileSource... sources) {
        return ParquetQueryMaterializer.run(new ParquetQueryJob(ledger.path(), List.of(sources), sql, out, partition,
                2));
    }

    /** Returns the rows of {@code sql} over the live ledger, timestamps (JDBC text, UTC) as epoch milliseconds. */
    private List<List<String>> live(String sql) throws Exception {
        try (Connection c = QueryConnections.open(ledger.path(), List.of()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql + " ORDER BY id")) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3)),
                        rs.getString(4), String.valueOf(java.time.LocalDateTime.parse(rs.getString(5).replace(' ', 'T'))
                                .toInstant(java.time.ZoneOffset.UTC).toEpochMilli()), rs.getString(6)));
            }
            return rows;
        }
    }

    @Test
    void writesOneFileWithTheSameRowsAndTimestampsAsTheLiveQuery() throws Exception {
        Path out = temp.resolve("events.parquet");

        ParquetQueryMaterializer.Result result = run(EVENTS, out, null);

        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.summary()).startsWith("materialize " + out + ": parquet, 4 rows in 1 file, ");
        assertThat(DuckDb.rows("SELECT " + DUCK_COLUMNS + " FROM " + DuckDb.literal(out) + " ORDER BY id"))
                .isEqualTo(live(EVENTS)).hasSize(4);
        assertThat(DuckDb.value("SELECT typeof(ts) FROM " + DuckDb.literal(out) + " LIMIT 1"))
                .isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(siblings(out)).containsExactlyInAnyOrder(out, temp.resolve("ledger.git"));
    }

    @Test
    void partitionsByAColumnSoDuckDbReadsTheColumnFromTheDirectories() throws Exception {
        Path out = temp.resolve("by-ns");

        ParquetQueryMaterializer.Result result = run(EVENTS, out, PartitionSpec.parse("ns"));

        assertThat(result.files()).isEqualTo(3);
        assertThat(out.resolve("ns=orders/part-00000.parquet")).isRegularFile();
        assertThat(out.resolve("ns=ops%3Deu/part-00000.parquet")).isRegularFile();
        String glob = DuckDb.literal(out + "/**/*.parquet");
        assertThat(DuckDb.rows("SELECT " + DUCK_COLUMNS + " FROM read_parquet(" + glob
                + ", hive_partitioning = true) ORDER BY id")).isEqualTo(live(EVENTS));
        assertThat(DuckDb.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(" + glob
                + ", hive_partitioning = false))")).extracting(r -> r.get(0))
                .containsExactly("id", "pos", "kind", "ts", "payload");
    }

    @Test
    void partitionsByUtcYearAndMonthOfATimestamp() throws Exception {
        Path out = temp.resolve("by-month");

        run(EVENTS, out, PartitionSpec.parse("year-month(ts)"));

        assertThat(files(out)).containsExactly(DatasetDirectory.MARKER, "year=2025/month=12/part-00000.parquet",
                "year=2026/month=01/part-00000.parquet", "year=2026/month=02/part-00000.parquet");
        String glob = DuckDb.literal(out + "/**/*.parquet");
        assertThat(DuckDb.rows("SELECT " + DUCK_COLUMNS + " FROM read_parquet(" + glob
                + ", hive_partitioning = true) ORDER BY id")).isEqualTo(live(EVENTS));
        assertThat(DuckDb.rows("SELECT year, month, COUNT(*) FROM read_parquet(" + glob
                + ", hive_partitioning = true) GROUP BY ALL ORDER BY ALL")).containsExactly(
                        List.of("2025", "12", "1"), List.of("2026", "01", "1"), List.of("2026", "02", "2"));
    }

    @Test
    void boundsOpenFilesByStartingANewPartFileWhenAPartitionReturns() throws Exception {
        Path out = temp.resolve("unsorted");

        run("SELECT ns, pos, kind FROM events", out, PartitionSpec.parse("kind"));
        ParquetQueryMaterializer.Result sorted = run("SELECT ns, pos, kind FROM events ORDER BY kind", out,
                PartitionSpec.parse("kind"));

        assertThat(sorted.files()).isEqualTo(4);
        assertThat(DuckDb.value("SELECT COUNT(*) FROM read_parquet(" + DuckDb.literal(out + "/**/*.parquet") + ")"))
                .isEqualTo("4");
    }

    @Test
    void aFailingQueryLeavesTheFileAndTheDatasetAsTheyWere() throws Exception {
        Path file = temp.resolve("events.parquet");
        Path dir = temp.resolve("by-ns");
        run(EVENTS, file, null);
        run(EVENTS, dir, PartitionSpec.parse("ns"));
        byte[] before = Files.readAllBytes(file);
        List<String> dirBefore = files(dir);

        assertThatThrownBy(() -> run("SELECT nosuch FROM events", file, null))
                .isInstanceOf(MaterializeException.class).hasMessageStartingWith("--query failed: ")
                .hasMessageEndingWith("; the previous output is unchanged");
        assertThatThrownBy(() -> run("SELECT ns, 1 / (pos - pos) AS boom FROM events", dir, PartitionSpec.parse("ns")))
                .isInstanceOf(MaterializeException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(files(dir)).isEqualTo(dirBefore);
        assertThat(siblings(file)).containsExactlyInAnyOrder(file, dir, temp.resolve("ledger.git"));
    }

    @Test
    void refusesToReplaceADirectoryItDidNotWrite() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> run(EVENTS, dir, PartitionSpec.parse("ns")))
                .isInstanceOf(MaterializeException.class)
                .hasMessageContaining("exists and is not a dataset written by gatos");
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void joinsAFileSourceWithALedgerTable() throws Exception {
        Path owners = Files.createDirectories(temp.resolve("owners"));
        Files.writeString(owners.resolve("owners.csv"), "ns,owner,since\norders,alice,2025-01-02\nbilling,bob,\n");
        Files.writeString(owners.resolve("gatos-files.json"), "{\"datasets\": [{\"name\": \"owners\", \"files\":"
                + " \"owners.csv\", \"columns\": [{\"name\": \"ns\", \"type\": \"VARCHAR\", \"nullable\": false},"
                + " {\"name\": \"owner\", \"type\": \"VARCHAR\"}, {\"name\": \"since\", \"type\": \"DATE\"}]}]}");
        Path out = temp.resolve("owners.parquet");

        run("SELECT o.owner, e.ns, o.since, COUNT(*) AS n FROM events e JOIN files.owners o ON e.ns = o.ns"
                + " GROUP BY o.owner, e.ns, o.since", out, null, FileSource.parse("files=" + owners, null));

        assertThat(DuckDb.rows("SELECT owner, ns, since, n FROM " + DuckDb.literal(out) + " ORDER BY owner"))
                .containsExactly(List.of("alice", "orders", "2025-01-02", "2"), Arrays.asList("bob", "billing", null, "1"));
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<Path> siblings(Path file) throws Exception {
        try (Stream<Path> list = Files.list(file.getParent())) {
            return list.toList();
        }
    }
}
