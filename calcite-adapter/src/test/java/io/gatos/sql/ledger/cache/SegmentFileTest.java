package io.gatos.sql.ledger.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFileTest {
    @TempDir
    Path dir;

    private Path write(byte[] body) throws Exception {
        Bloom bloom = Bloom.forKeys(1);
        bloom.add("c0ffee");
        SegmentSummary s = new SegmentSummary("c0ffee", "beef", 7, 2, true, 1, 9, "A", "Z", 12, "ZZ", bloom);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body);
        SegmentFile.writeFooter(out, s, body.length, SegmentFile.crc(body, 0, body.length));
        Path f = dir.resolve("c0ffee.f.seg");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void summaryAndBodyRoundTrip() throws Exception {
        Path f = write("rows".getBytes());
        SegmentSummary s = SegmentFile.readSummary(f);
        assertThat(s.tip()).isEqualTo("c0ffee");
        assertThat(s.base()).isEqualTo("beef");
        assertThat(s.length()).isEqualTo(9);
        assertThat(s.chainMaxTs()).isEqualTo(12);
        assertThat(s.bloom().mayContain("c0ffee")).isTrue();
        assertThat(SegmentFile.readBody(f)).isEqualTo("rows".getBytes());
    }

    @Test
    void everyFlippedByteOrCutIsDetected() throws Exception {
        Path f = write("some rows of a segment".getBytes());
        byte[] good = Files.readAllBytes(f);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            Files.write(f, bad);
            assertThatThrownBy(() -> {
                SegmentFile.readSummary(f);
                SegmentFile.readBody(f);
            }).as("byte " + i).isInstanceOf(SegmentFile.CorruptSegmentException.class);
        }
        for (int n = 0; n < good.length; n++) {
            Files.write(f, Arrays.copyOf(good, n));
            assertThatThrownBy(() -> SegmentFile.readBody(f)).as("cut at " + n)
                    .isInstanceOf(SegmentFile.CorruptSegmentException.class);
        }
    }
}
