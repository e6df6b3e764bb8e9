package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest {
    private static final List<ParquetColumn> COLUMNS = List.of(new ParquetColumn("id", ParquetKind.STRING, false),
            new ParquetColumn("n", ParquetKind.INT64, true));

    @TempDir
    Path dir;

    private Path write(String name, int rows) throws IOException {
        Path file = dir.resolve(name);
        try (ParquetSink sink = ParquetSink.create(file, "t", COLUMNS, Map.of())) {
            for (int i = 0; i < rows; i++) {
                sink.write(new Object[] {"r" + i, i % 2 == 0 ? null : (long) i});
            }
        }
        return file;
    }

    @Test
    void readsTheRowCount() throws Exception {
        assertThat(ParquetFooter.rows(write("a.parquet", 1234))).isEqualTo(1234);
        assertThat(ParquetFooter.rows(write("b.parquet", 1))).isEqualTo(1);
        Path empty = write("empty.parquet", 0);
        assertThat(ParquetFooter.rows(empty)).isZero();
        assertThat(DuckDb.value("SELECT count(*) FROM " + DuckDb.literal(empty))).isEqualTo("0");
    }

    @Test
    void namesTheColumnsAnnotatedJson() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named("payload")
                .named("t");
        Path old = dir.resolve("old.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(old))
                .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("id", "a").append("payload", "{}"));
        }
        assertThat(ParquetFooter.jsonAnnotated(old)).containsExactly("payload");
        assertThat(ParquetFooter.jsonAnnotated(write("new.parquet", 3))).isEmpty();
    }

    @Test
    void truncatedFileIsAnIoExceptionNamingTheFile() throws Exception {
        Path file = write("t.parquet", 100);
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {1, 4, 8, bytes.length / 2, bytes.length - 5}) {
            Path torn = Files.write(dir.resolve("torn-" + cut + ".parquet"), Arrays.copyOf(bytes, bytes.length - cut));
            assertThatThrownBy(() -> ParquetFooter.rows(torn)).as("cut %d", cut).isInstanceOf(IOException.class)
                    .hasMessageContaining(torn.toString());
        }
    }

    @Test
    void nonParquetFileIsAnIoExceptionNamingTheFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.parquet"), "this is plain text, long enough to have a tail");
        assertThatThrownBy(() -> ParquetFooter.rows(text)).isInstanceOf(IOException.class)
                .hasMessageContaining(text.toString());
        Path tiny = Files.writeString(dir.resolve("tiny.parquet"), "PAR1");
        assertThatThrownBy(() -> ParquetFooter.rows(tiny)).isInstanceOf(IOException.class)
                .hasMessageContaining(tiny.toString());
        Path empty = Files.write(dir.resolve("zero.parquet"), new byte[0]);
        assertThatThrownBy(() -> ParquetFooter.rows(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void garbledFooterWithValidTailIsAnIoExceptionNamingTheFile() throws Exception {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xEE);
        ByteBuffer file = ByteBuffer.allocate(4 + garbage.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        file.put("PAR1".getBytes(StandardCharsets.US_ASCII)).put(garbage).putInt(garbage.length)
                .put("PAR1".getBytes(StandardCharsets.US_ASCII));
        Path bad = Files.write(dir.resolve("garbled.parquet"), file.array());
        assertThatThrownBy(() -> ParquetFooter.rows(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining(bad.toString());
    }

    @Test
    void missingFileIsAnIoException() {
        assertThatThrownBy(() -> ParquetFooter.rows(dir.resolve("nope.parquet"))).isInstanceOf(IOException.class);
    }
}
