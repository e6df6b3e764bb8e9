package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.materialize.ndjson.EventLine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

class NdjsonExportCommandTest extends OrdersLedgerTest {
    private Cli ndjson(String... extra) {
        return Cli.run(List.of("export", "--repo", repo(), "--format", "ndjson", "--progress", "none"), extra);
    }

    private static List<EventLine> lines(String text) {
        return text.lines().map(EventLine::parse).toList();
    }

    @Test
    void writesPureNdjsonToStdoutAndTheSummaryToStderr() {
        ledger.message("alerts", "{\"level\":\"high\"}");

        Cli cli = ndjson();

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<EventLine> lines = lines(cli.out());
        assertThat(lines).extracting(EventLine::stream)
                .containsExactly("orders/alice", "orders/alice", "orders/bob", "billing/carol", "shiplog/alerts");
        assertThat(lines).extracting(EventLine::id).isSorted();
        assertThat(cli.err()).matches("Exported 5 events from 4 streams in \\d+\\.\\d s\\R");
    }

    @Test
    void selectsNamespacesTopicsAndAWindowAndWritesAFile() throws Exception {
        ledger.message("alerts", "{\"level\":\"high\"}");
        Path file = temp.resolve("out/sub.ndjson");

        Cli cli = ndjson("--ns", "billing", "--topics", "alerts", "--since", "2026-01-01T00:00:03Z", "--until",
                "2026-01-02", "--output", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(lines(Files.readString(file))).extracting(EventLine::stream)
                .containsExactly("billing/carol", "shiplog/alerts");
        assertThat(cli.err()).startsWith("Exported 2 events from 2 streams in ");
    }

    @Test
    void aWindowThatExcludesEverythingWritesAnEmptyFileAndExitsZero() throws Exception {
        Path file = temp.resolve("empty.ndjson");

        Cli cli = ndjson("--since", "2027-01-01", "--output", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(file).isEmptyFile();
        assertThat(cli.err()).startsWith("Exported 0 events from 0 streams in ");
    }

    @Test
    void anUnknownNamespaceWritesNothingToStdoutAndExitsZero() {
        Cli cli = ndjson("--ns", "nope");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("Exported 0 events from 0 streams in ");
    }

    @Test
    void jsonProgressGoesToStderrAndLeavesStdoutPureNdjson() {
        Cli cli = Cli.run("export", "--repo", repo(), "--format", "ndjson", "--progress", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(lines(cli.out())).hasSize(4);
        assertThat(cli.err().lines().toList()).hasSize(2).satisfies(l -> {
            assertThat(l.get(0)).contains("\"event\":\"export.progress\"", "\"rows_total\":4", "\"done\":true",
                    "\"ok\":true");
            assertThat(l.get(1)).startsWith("Exported 4 events from 3 streams in ");
        });
    }

    @Test
    void gzipsAFile() throws Exception {
        Path file = temp.resolve("orders.ndjson.gz");

        Cli cli = ndjson("--ns", "orders", "--output", file.toString(), "--gzip");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(lines(new String(in.readAllBytes(), UTF_8))).hasSize(3);
        }
    }

    @Test
    void aFailedRunLeavesTheOutputFileUntouchedAndExitsOne() throws Exception {
        Path file = temp.resolve("keep.ndjson");
        Files.writeString(file, "previous\n");
        // the same spec in two journals: a duplicate ULID, found while writing
        var spec = ledger.eventSpec("alice", "order.created", "{}");
        ledger.event("orders", "x1", spec);
        ledger.event("orders", "x2", spec);

        Cli cli = ndjson("--output", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("appears twice");
        assertThat(file).hasContent("previous");
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ledger.git", "keep.ndjson");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format ndjson --out x.ndjson | --out does not go with --format ndjson",
        "--format ndjson --tables events | --tables does not go with --format ndjson",
        "--format ndjson --full | --full does not go with --format ndjson",
        "--format sqlite --out x.sqlite --ns orders | --ns does not go with --format sqlite",
        "--format parquet --out x --output y | --output does not go with --format parquet",
        "--format sqlite --gzip --out x.sqlite | --gzip does not go with --format sqlite",
        "--format sqlite | --format sqlite needs --out OUT",
        "--format ndjson --since yesterday | --since expects a date",
        "--format ndjson --since 2026-02-01 --until 2026-01-01 | is after --until",
        "--format ndjson --ns orders,,billing | --ns has an empty name",
    })
    void usageErrorsExitTwo(String args, String message) {
        List<String> all = new java.util.ArrayList<>(List.of("export", "--repo", repo()));
        all.addAll(List.of(args.strip().split(" ")));

        Cli cli = Cli.run(all.toArray(String[]::new));

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(message);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void materializeStillRefusesNdjson() {
        Cli cli = Cli.run("materialize", "--repo", repo(), "--format", "ndjson", "--query", "SELECT 1",
                "--table", "t", "--out", temp.resolve("m.sqlite").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("use sqlite or parquet");
    }

    @Test
    void helpDescribesNdjson() {
        Cli cli = Cli.run("export", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--format ndjson", "--output=FILE", "--ns=NS", "--topics=TOPIC", "--gzip",
                "SHA|DATE");
    }
}
