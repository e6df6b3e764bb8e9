package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIndexTest {
    @TempDir
    Path dir;

    @Test
    void remembersKeysWithTheirCommitsAcrossWrites() throws Exception {
        Path first = dir.resolve("a.bin");
        KeyIndex.empty().writeWith(new long[] {KeyIndex.hash("k2"), KeyIndex.hash("k1")},
                new long[] {KeyIndex.hash("c2"), KeyIndex.hash("c1")}, 2, first);
        KeyIndex one = KeyIndex.read(first, 2);
        assertThat(one.commitOf("k1")).isEqualTo(KeyIndex.hash("c1"));
        assertThat(one.commitOf("k2")).isEqualTo(KeyIndex.hash("c2"));
        assertThat(one.commitOf("k3")).isNull();
        Path second = dir.resolve("b.bin");
        one.writeWith(new long[] {KeyIndex.hash("k3")}, new long[] {7}, 1, second);
        KeyIndex two = KeyIndex.read(second, 3);
        assertThat(two.size()).isEqualTo(3);
        assertThat(two.commitOf("k3")).isEqualTo(7);
        assertThat(two.commitOf("k1")).isEqualTo(KeyIndex.hash("c1"));
    }

    @Test
    void aMissingShortOrUnsortedFileReadsAsNull() throws Exception {
        assertThat(KeyIndex.read(dir.resolve("none.bin"), 0)).isNull();
        Path file = dir.resolve("k.bin");
        KeyIndex.empty().writeWith(new long[] {1, 2}, new long[] {0, 0}, 2, file);
        assertThat(KeyIndex.read(file, 3)).as("fewer entries than exported rows").isNull();
        byte[] bytes = Files.readAllBytes(file);
        byte[] swapped = new byte[32];
        System.arraycopy(bytes, 16, swapped, 0, 16);
        System.arraycopy(bytes, 0, swapped, 16, 16);
        Files.write(file, swapped);
        assertThat(KeyIndex.read(file, 2)).as("out of order").isNull();
    }

    @Test
    void sortMovesCommitsWithTheirKeys() {
        Random random = new Random(5);
        long[] keys = random.longs(10_000).toArray();
        keys[17] = keys[4000];
        long[] commits = Arrays.stream(keys).map(k -> k ^ 0x5555).toArray();
        KeyIndex.sort(keys, commits, 0, keys.length - 1);
        for (int i = 0; i < keys.length; i++) {
            assertThat(commits[i]).isEqualTo(keys[i] ^ 0x5555);
            if (i > 0) {
                assertThat(keys[i]).isGreaterThanOrEqualTo(keys[i - 1]);
            }
        }
    }
}
