package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that an import holds at most one bounded line in memory and reads pipes as streams. */
class BoundedImportTest {
    private static final String ALICE = "refs/gatos/journal/orders/alice";

    @TempDir
    Path dir;

    private LedgerTestRepository source;
    private LedgerTestRepository target;

    @BeforeEach
    void setUp() {
        source = LedgerTestRepository.create(dir.resolve("source.git"));
        source.event("orders", "alice", "order.created", "{\"amount\":1}");
        source.event("orders", "alice", "order.paid", "{\"amount\":2}");
        target = LedgerTestRepository.create(dir.resolve("target.git"));
    }

    @AfterEach
    void tearDown() {
        source.close();
        target.close();
    }

    @Test
    void theDefaultMaximumLineIs64MiB() {
        assertThat(NdjsonImporter.DEFAULT_MAX_LINE_BYTES).isEqualTo(64L << 20);
    }

    @Test
    void aLineLongerThanTheMaximumAbortsNamingItsNumberAndMovesNoRef() throws Exception {
        List<String> lines = SourceLines.of(source.repository(), ALICE);
        int longest = lines.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max().orElseThrow();
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(), new ByteArrayInputStream(input), 0, null,
                longest - 1))
                .isInstanceOf(ImportException.class)
                .hasMessageMatching("line [12]: the line is longer than " + (longest - 1)
                        + " bytes.*--max-line-bytes.*");
        assertThat(target.repository().exactRef(ALICE)).isNull();

        NdjsonImporter.Result ok = NdjsonImporter.run(target.repository(), new ByteArrayInputStream(input), 0, null,
                longest);
        assertThat(ok.events()).isEqualTo(2);
    }

    @Test
    void aGzipBombWithoutNewlinesStopsAtTheMaximum() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 65; i++) {
                gz.write(block);
            }
        }
        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(),
                new ByteArrayInputStream(bytes.toByteArray()), 0, null, 1 << 20))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 1: the line is longer than 1048576 bytes");
    }

    @Test
    void invalidUtf8IsReportedOnItsOwnLine() throws Exception {
        List<String> lines = SourceLines.of(source.repository(), ALICE);
        byte[] good = (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = '\n';
        assertThatThrownBy(() -> NdjsonImporter.run(target.repository(), new ByteArrayInputStream(bad), 0, null))
                .hasMessage("line 2: the line is not UTF-8");
    }

    @Test
    void aFifoIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("events.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertThat(mk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        byte[] input = gzip(String.join("\n", SourceLines.of(source.repository(), ALICE)) + "\n");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(input);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        NdjsonImporter.Result result;
        try (InputStream in = Files.newInputStream(fifo)) {
            result = NdjsonImporter.run(target.repository(), in, 0, null);
        }
        writer.get(60, TimeUnit.SECONDS);
        assertThat(result.events()).isEqualTo(2);
        assertThat(result.exact()).isEqualTo(2);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
