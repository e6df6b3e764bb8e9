package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes one Parquet file row by row with the settings every gatos-sql file shares: ZSTD level 3,
 * dictionary encoding, column statistics, row groups of {@value #ROW_GROUP_BYTES} bytes, the JSON
 * columns named in the footer ({@value #JSON_COLUMNS}). The same
 * rows always give the same bytes. Holds up to one row group in memory; must be closed, which
 * writes the footer (a file that was not closed is not valid Parquet).
 */
public final class ParquetSink implements AutoCloseable {
    /** Target row group size: large enough for scans, small enough for a 512 MB heap. */
    public static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;
    /** The footer key naming the JSON columns (comma-separated), present when the file has any. */
    public static final String JSON_COLUMNS = "gatos.json_columns";
    private static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    private final ParquetWriter<Object[]> writer;
    private final Path file;
    private long rows;

    private ParquetSink(ParquetWriter<Object[]> writer, Path file) {
        this.writer = requireNonNull(writer, "writer");
        this.file = file;
    }

    /**
     * Creates {@code file} (replacing it if present) for rows of {@code columns}; {@code metadata}
     * goes to the footer's key-value metadata.
     */
    public static ParquetSink create(Path file, String name, List<ParquetColumn> columns,
            Map<String, String> metadata) throws IOException {
        MessageType schema = new MessageType(name, columns.stream().map(ParquetColumn::type).toArray(Type[]::new));
        Files.deleteIfExists(file);
        ParquetWriter<Object[]> writer = new Builder(new LocalOutputFile(file),
                new RowWriteSupport(columns, schema, withJsonColumns(metadata, columns)))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new ZstdCodecs())
                .withCompressionCodec(CODEC)
                .withDictionaryEncoding(true)
                .withStatisticsEnabled(true)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .build();
        return new ParquetSink(writer, file);
    }

    /** Returns {@code metadata} plus {@value #JSON_COLUMNS} when {@code columns} has JSON columns. */
    static Map<String, String> withJsonColumns(Map<String, String> metadata, List<ParquetColumn> columns) {
        String json = columns.stream().filter(c -> c.kind() == ParquetKind.JSON).map(ParquetColumn::name)
                .collect(java.util.stream.Collectors.joining(","));
        if (json.isEmpty()) {
            return metadata;
        }
        Map<String, String> out = new java.util.TreeMap<>(metadata);
        out.put(JSON_COLUMNS, json);
        return out;
    }

    /** Writes one row, values in column order (see {@link ParquetKind} for the accepted values). */
    public void write(Object[] row) throws IOException {
        writer.write(row);
        rows++;
    }

    /** Returns the rows written so far. */
    public long rows() {
        return rows;
    }

    /** Returns the file being written. */
    public Path file() {
        return file;
    }

    /** Finishes the file (row group and footer). */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** Builds writers of rows with a given write support. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final WriteSupport<Object[]> support;

        Builder(OutputFile file, WriteSupport<Object[]> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
