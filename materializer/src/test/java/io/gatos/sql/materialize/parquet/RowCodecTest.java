package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static byte[] encode(SortBuffer.Entry... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (SortBuffer.Entry row : rows) {
                RowCodec.write(out, row);
            }
        }
        return bytes.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTripsEveryValueTag() throws Exception {
        String unicode = "caf\u00e9 na\u00efve \ud83d\ude00\ud83c\udf89 \u4e2d\u6587";
        String huge = "\u00e9x".repeat(40_000);
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(65_535);
        Object[] values = {null, 0L, Long.MIN_VALUE, Long.MAX_VALUE, -1.5, Double.NaN, "", unicode, huge};
        SortBuffer.Entry row = new SortBuffer.Entry("date=2025-01-01", "k\u0000\ud83d\ude00", values);
        SortBuffer.Entry second = new SortBuffer.Entry("", "", new Object[0]);

        DataInputStream in = in(encode(row, second));
        SortBuffer.Entry back = RowCodec.read(in);
        assertThat(back.partition()).isEqualTo("date=2025-01-01");
        assertThat(back.key()).isEqualTo("k\u0000\ud83d\ude00");
        assertThat(back.values()).containsExactly(values);
        assertThat(back.values()[1]).isInstanceOf(Long.class);
        assertThat(back.values()[4]).isInstanceOf(Double.class);
        SortBuffer.Entry next = RowCodec.read(in);
        assertThat(next.partition()).isEmpty();
        assertThat(next.key()).isEmpty();
        assertThat(next.values()).isEmpty();
        assertThat(RowCodec.read(in)).isNull();
    }

    @Test
    void intsBecomeLongs() throws Exception {
        SortBuffer.Entry back = RowCodec.read(in(encode(new SortBuffer.Entry("", "k", new Object[] {7}))));
        assertThat(back.values()).containsExactly(7L);
    }

    @Test
    void emptyStreamIsEnd() throws Exception {
        assertThat(RowCodec.read(in(new byte[0]))).isNull();
    }

    @Test
    void badTagIsAnIoException() throws Exception {
        byte[] bytes = encode(new SortBuffer.Entry("p", "k", new Object[] {null}));
        bytes[bytes.length - 1] = 9;
        assertThatThrownBy(() -> RowCodec.read(in(bytes))).isInstanceOf(IOException.class)
                .hasMessageContaining("tag 9");
    }

    @Test
    void rowCutInsideItsValuesIsAnIoException() throws Exception {
        byte[] bytes = encode(new SortBuffer.Entry("p", "k", new Object[] {"abcdef"}));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> RowCodec.read(in(cut))).isInstanceOf(IOException.class);
    }
}
