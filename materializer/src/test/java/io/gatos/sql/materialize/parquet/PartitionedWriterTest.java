package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedWriterTest {
    private static final List<ParquetColumn> COLUMNS = List.of(new ParquetColumn("k", ParquetKind.STRING, true),
            new ParquetColumn("n", ParquetKind.INT64, false));

    @TempDir
    Path root;

    private PartitionedWriter writer(int maxOpen) {
        return new PartitionedWriter(root, "t", COLUMNS, Map.of(), PartitionSpec.parse("k"), maxOpen,
                part -> "part-" + part + ".parquet");
    }

    @Test
    void finishesTheLeastRecentlyWrittenFileAtTheBoundAndContinuesInTheNextPart() throws Exception {
        try (PartitionedWriter writer = writer(2)) {
            for (String k : new String[] {"a", "b", "a", "c", "b", "a"}) {
                writer.write(new Object[] {k, 1L});
            }
            assertThat(writer.rows()).isEqualTo(6);
            assertThat(writer.files()).extracting(Path::toString).containsExactly("k=a/part-0.parquet",
                    "k=b/part-0.parquet", "k=c/part-0.parquet", "k=b/part-1.parquet", "k=a/part-1.parquet");
        }
        assertThat(DuckDb.rows("SELECT k, COUNT(*) FROM read_parquet(" + DuckDb.literal(root + "/**/*.parquet")
                + ", hive_partitioning = true) GROUP BY k ORDER BY k"))
                .containsExactly(List.of("a", "3"), List.of("b", "2"), List.of("c", "1"));
    }

    @Test
    void writesTheSameBytesForTheSameRows() throws Exception {
        for (int run = 0; run < 2; run++) {
            Path dir = Files.createDirectories(root.resolve("run" + run));
            try (PartitionedWriter writer = new PartitionedWriter(dir, "t", COLUMNS, Map.of(),
                    PartitionSpec.parse("k"), 1, part -> "p" + part + ".parquet")) {
                writer.write(new Object[] {"x", 1L});
                writer.write(new Object[] {null, 2L});
            }
        }
        assertThat(Files.readAllBytes(root.resolve("run0/k=x/p0.parquet")))
                .isEqualTo(Files.readAllBytes(root.resolve("run1/k=x/p0.parquet")));
        assertThat(root.resolve("run0/k=__HIVE_DEFAULT_PARTITION__/p0.parquet")).isRegularFile();
    }

    @Test
    void anEmptyResultGetsOneTopLevelFileWithEveryColumn() throws Exception {
        try (PartitionedWriter writer = writer(2)) {
            assertThat(writer.rows()).isZero();
        }
        try (var listed = Files.list(root)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("part-0.parquet");
        }
        assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                + DuckDb.literal(root + "/**/*.parquet") + ", hive_partitioning = true))"))
                .containsExactly(List.of("k", "VARCHAR"), List.of("n", "BIGINT"));
    }

    @Test
    void refusesAMissingPartitionColumnListingTheColumns() {
        assertThatThrownBy(() -> new PartitionedWriter(root, "t", COLUMNS, Map.of(), PartitionSpec.parse("z"), 1,
                part -> "p.parquet")).hasMessage("--partition-by z: the result has no column z; its columns are [k, n]");
    }
}
