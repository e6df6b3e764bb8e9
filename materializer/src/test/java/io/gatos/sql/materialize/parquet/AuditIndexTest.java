package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditIndexTest {
    @TempDir
    Path dir;

    @Test
    void newKeyIsCreatedAndUpdatedNow() {
        AuditIndex next = new AuditIndex();
        assertThat(next.stamp(new AuditIndex(), "a", new Object[] {1L, "x"}, 100)).containsExactly(100, 100);
        assertThat(next.size()).isEqualTo(1);
    }

    @Test
    void unchangedKeepsBothStampsChangedMovesOnlyUpdated() {
        AuditIndex first = new AuditIndex();
        first.stamp(new AuditIndex(), "a", new Object[] {1L, "x"}, 100);
        first.stamp(new AuditIndex(), "b", new Object[] {2L, null}, 100);

        AuditIndex second = new AuditIndex();
        assertThat(second.stamp(first, "a", new Object[] {1L, "x"}, 200)).containsExactly(100, 100);
        assertThat(second.stamp(first, "b", new Object[] {2L, "now set"}, 200)).containsExactly(100, 200);
        assertThat(second.stamp(first, "c", new Object[] {3L, "x"}, 200)).containsExactly(200, 200);

        AuditIndex third = new AuditIndex();
        assertThat(third.stamp(second, "a", new Object[] {1L, "x"}, 300)).containsExactly(100, 100);
        assertThat(third.stamp(second, "b", new Object[] {2L, "now set"}, 300)).containsExactly(100, 200);
        assertThat(third.stamp(second, "b2", new Object[] {2L, null}, 300)).containsExactly(300, 300);
    }

    @Test
    void valueTypeAndNullAreChanges() {
        AuditIndex first = new AuditIndex();
        first.stamp(new AuditIndex(), "a", new Object[] {"1"}, 100);
        first.stamp(new AuditIndex(), "b", new Object[] {null}, 100);
        first.stamp(new AuditIndex(), "c", new Object[] {"null"}, 100);
        AuditIndex second = new AuditIndex();
        assertThat(second.stamp(first, "a", new Object[] {1L}, 200)).containsExactly(100, 200);
        assertThat(second.stamp(first, "b", new Object[] {"null"}, 200)).containsExactly(100, 200);
        assertThat(second.stamp(first, "c", new Object[] {null}, 200)).containsExactly(100, 200);
    }

    @Test
    void writeAndReadRoundTrip() throws Exception {
        AuditIndex first = new AuditIndex();
        for (int i = 0; i < 1000; i++) {
            first.stamp(new AuditIndex(), "k" + i, new Object[] {(long) i}, 1000 + i);
        }
        Path file = dir.resolve("_gatos/audit/t.bin");
        first.write(file);
        assertThat(Files.size(file)).isEqualTo(1000 * 32L);

        AuditIndex read = AuditIndex.read(file);
        assertThat(read.size()).isEqualTo(1000);
        AuditIndex next = new AuditIndex();
        for (int i = 0; i < 1000; i++) {
            long[] stamps = next.stamp(read, "k" + i, new Object[] {(long) (i % 2 == 0 ? i : -i)}, 5000);
            assertThat(stamps).as("k%d", i).containsExactly(1000 + i, i % 2 == 0 || i == 0 ? 1000 + i : 5000);
        }
    }

    @Test
    void missingFileReadsEmpty() {
        assertThat(AuditIndex.read(dir.resolve("none.bin")).size()).isZero();
        assertThat(AuditIndex.read(null).size()).isZero();
    }

    @Test
    void tornFileReadsEmpty() throws Exception {
        AuditIndex index = new AuditIndex();
        index.stamp(new AuditIndex(), "a", new Object[] {1L}, 100);
        index.stamp(new AuditIndex(), "b", new Object[] {2L}, 100);
        Path file = dir.resolve("t.bin");
        index.write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        AuditIndex read = AuditIndex.read(file);
        assertThat(read.size()).isZero();
        assertThat(new AuditIndex().stamp(read, "a", new Object[] {1L}, 200)).containsExactly(200, 200);
    }
}
