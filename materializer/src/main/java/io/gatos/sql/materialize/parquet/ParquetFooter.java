package io.gatos.sql.materialize.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Reads the footer of a Parquet file (its last bytes: metadata, length, {@code PAR1}) without
 * reading the data, e.g. to check a file's row count or column annotations. Costs two small reads.
 */
public final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooter() {
    }

    /** Returns the row count of {@code file}; throws IOException naming the file when it is not Parquet. */
    public static long rows(Path file) throws IOException {
        return read(file).getNum_rows();
    }

    /**
     * Returns the columns of {@code file} annotated JSON (logical or converted type), which polars
     * reads as Binary; files gatos-sql writes now have none.
     */
    public static List<String> jsonAnnotated(Path file) throws IOException {
        return read(file).getSchema().stream()
                .filter(e -> e.isSetLogicalType() && e.getLogicalType().isSetJSON()
                        || e.getConverted_type() == ConvertedType.JSON)
                .map(SchemaElement::getName).toList();
    }

    /** Returns the footer of {@code file}; throws IOException naming the file when it is not Parquet. */
    public static FileMetaData read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 12) {
                throw new IOException(file + " is too short to be a Parquet file");
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - 8);
            byte[] magic = new byte[4];
            tail.position(4);
            tail.get(magic);
            int length = tail.getInt(0);
            if (!java.util.Arrays.equals(magic, MAGIC) || length <= 0 || length > size - 12) {
                throw new IOException(file + " has no Parquet footer (truncated or not Parquet)");
            }
            ByteBuffer meta = ByteBuffer.allocate(length);
            channel.read(meta, size - 8 - length);
            try {
                return Util.readFileMetaData(new ByteArrayInputStream(meta.array()));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " has an unreadable Parquet footer: " + e.getMessage(), e);
            }
        }
    }
}
