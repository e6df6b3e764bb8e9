package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortBufferTest {
    @TempDir
    Path dir;

    private static List<SortBuffer.Entry> shuffledRows(int n) {
        List<SortBuffer.Entry> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String partition = "p=" + (i % 7);
            String key = String.format("k%06d", (i * 7919) % n);
            rows.add(new SortBuffer.Entry(partition, key, new Object[] {(long) i, "v" + i, i % 3 == 0 ? null : i / 2.0}));
        }
        Collections.shuffle(rows, new Random(42));
        return rows;
    }

    private static List<String> drain(Iterator<SortBuffer.Entry> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            SortBuffer.Entry e = it.next();
            out.add(e.partition() + "|" + e.key() + "|" + java.util.Arrays.toString(e.values()));
        }
        return out;
    }

    private static List<String> expected(List<SortBuffer.Entry> rows) {
        List<SortBuffer.Entry> sorted = new ArrayList<>(rows);
        sorted.sort(SortBuffer.ORDER);
        return drain(sorted.iterator());
    }

    private List<Path> files(Path spill) throws IOException {
        if (!Files.exists(spill)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(spill)) {
            return s.toList();
        }
    }

    @Test
    void sortsInMemoryByPartitionThenKeyWithoutSpilling() throws Exception {
        Path spill = dir.resolve("spill");
        try (SortBuffer buffer = new SortBuffer(spill, Long.MAX_VALUE)) {
            buffer.add(new SortBuffer.Entry("b", "1", new Object[] {1L}));
            buffer.add(new SortBuffer.Entry("a", "2", new Object[] {2L}));
            buffer.add(new SortBuffer.Entry("a", "1", new Object[] {3L}));
            buffer.add(new SortBuffer.Entry("", "9", new Object[] {4L}));
            assertThat(buffer.rows()).isEqualTo(4);
            assertThat(buffer.spills()).isZero();
            assertThat(drain(buffer.sorted())).containsExactly("|9|[4]", "a|1|[3]", "a|2|[2]", "b|1|[1]");
        }
        assertThat(files(spill)).isEmpty();
    }

    @Test
    void spillsRunsAndMergesThemInExactOrder() throws Exception {
        List<SortBuffer.Entry> rows = shuffledRows(10_000);
        Path spill = dir.resolve("spill");
        SortBuffer buffer = new SortBuffer(spill, 200_000);
        try (buffer) {
            for (SortBuffer.Entry row : rows) {
                buffer.add(row);
            }
            assertThat(buffer.spills()).isGreaterThan(3);
            assertThat(files(spill)).hasSize(buffer.spills());
            List<String> merged = drain(buffer.sorted());
            assertThat(buffer.rows()).isEqualTo(10_000);
            assertThat(merged).hasSize(10_000).containsExactlyElementsOf(expected(rows));
            assertThat(merged).doesNotHaveDuplicates();
        }
        assertThat(files(spill)).isEmpty();
    }

    @Test
    void mergeKeepsValueTypesAndRowsLeftInMemory() throws Exception {
        Path spill = dir.resolve("spill");
        List<SortBuffer.Entry> rows = shuffledRows(1_001);
        try (SortBuffer buffer = new SortBuffer(spill, 50_000)) {
            for (SortBuffer.Entry row : rows) {
                buffer.add(row);
            }
            assertThat(buffer.spills()).isPositive();
            Iterator<SortBuffer.Entry> it = buffer.sorted();
            List<SortBuffer.Entry> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            assertThat(out).hasSize(1_001);
            SortBuffer.Entry first = out.get(0);
            assertThat(first.values()[0]).isInstanceOf(Long.class);
            assertThat(first.values()[1]).isInstanceOf(String.class);
            assertThat(out).extracting(e -> e.values()[2]).allMatch(v -> v == null || v instanceof Double);
            assertThat(drain(out.iterator())).containsExactlyElementsOf(expected(rows));
        }
        assertThat(files(spill)).isEmpty();
    }

    @Test
    void emptyBufferYieldsNothing() throws Exception {
        try (SortBuffer buffer = new SortBuffer(dir.resolve("spill"), 1)) {
            assertThat(buffer.sorted().hasNext()).isFalse();
            assertThat(buffer.spills()).isZero();
        }
    }
}
