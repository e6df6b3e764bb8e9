package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Blake3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {
    @TempDir
    Path dir;

    @Test
    void emptyFileIsTheKnownVector() throws Exception {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(FileDigest.of(file))
                .isEqualTo("blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    }

    @Test
    void theLedgerHasherAgreesWithTheKnownVector() {
        assertThat(HexFormat.of().formatHex(Blake3.hash(new byte[0])))
                .isEqualTo("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    }

    @Test
    void equalsBlake3OfTheBytesAcrossBlocks() throws Exception {
        for (int size : new int[] {0, 1, 1023, 1024, 1025, 65_535, 65_536, 65_537, 3 * 65_536 + 17}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            Path file = Files.write(dir.resolve("f" + size), bytes);
            assertThat(FileDigest.of(file)).as("size %d", size)
                    .isEqualTo("blake3:" + HexFormat.of().formatHex(Blake3.hash(bytes)));
        }
    }

    @Test
    void oneChangedByteChangesTheDigest() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(1).nextBytes(bytes);
        Path file = Files.write(dir.resolve("f"), bytes);
        String before = FileDigest.of(file);
        bytes[150_000] ^= 1;
        Files.write(file, bytes);
        assertThat(FileDigest.of(file)).isNotEqualTo(before).startsWith("blake3:").hasSize(7 + 64);
    }
}
