package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows ({@code Object[]}, values in column order) as Parquet records: a null value is
 * skipped (an OPTIONAL column reads it as null), a null in a REQUIRED column is an error naming the
 * column. Never reads a Hadoop configuration. Not thread-safe: one per writer.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final List<ParquetColumn> columns;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    RowWriteSupport(List<ParquetColumn> columns, MessageType schema, Map<String, String> metadata) {
        this.columns = List.copyOf(columns);
        this.schema = requireNonNull(schema, "schema");
        this.metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata)); // a fixed order, for fixed bytes
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            ParquetColumn column = columns.get(i);
            Object value = row[i];
            if (value == null) {
                if (!column.nullable()) {
                    throw new IllegalArgumentException("column " + column.name() + " is NOT NULL but the row has null");
                }
                continue;
            }
            consumer.startField(column.name(), i);
            add(column.kind(), value);
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }

    private void add(ParquetKind kind, Object value) {
        switch (kind) {
            case STRING, JSON -> consumer.addBinary(Binary.fromString(value.toString()));
            case INT32 -> consumer.addInteger(((Number) value).intValue());
            case INT64, TIMESTAMP -> consumer.addLong(((Number) value).longValue());
            case DOUBLE -> consumer.addDouble(((Number) value).doubleValue());
            case BOOLEAN -> consumer.addBoolean(value instanceof Boolean b ? b : ((Number) value).longValue() != 0);
            case DATE -> consumer.addInteger(value instanceof LocalDate d ? (int) d.toEpochDay()
                    : ((Number) value).intValue());
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
