package io.gatos.sql.materialize.parquet;

import io.gatos.sql.codec.Blake3;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, for a table that runs rewrite whole, when each row was first written and when it last
 * changed: per key (64-bit hash) the hash of its values and its two timestamps, so a rewrite keeps
 * {@code created_ts} and moves {@code updated_ts} only for rows whose values changed. Holds 40 bytes
 * a row; not thread-safe.
 */
final class AuditIndex {
    private final Map<Long, long[]> rows = new HashMap<>();

    /** Reads the index at {@code file}, or returns an empty one when there is none or it is torn. */
    static AuditIndex read(Path file) {
        AuditIndex index = new AuditIndex();
        if (file == null || !Files.exists(file)) {
            return index;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                long key;
                try {
                    key = in.readLong();
                } catch (EOFException end) {
                    return index;
                }
                index.rows.put(key, new long[] {in.readLong(), in.readLong(), in.readLong()});
            }
        } catch (IOException torn) {
            return new AuditIndex();
        }
    }

    /**
     * Returns {created, updated} for a row with {@code key} and {@code values} written at {@code now},
     * given what {@code previous} remembers, and records the row in this index.
     */
    long[] stamp(AuditIndex previous, String key, Object[] values, long now) {
        long k = hash(key);
        long v = valuesHash(values);
        long[] before = previous.rows.get(k);
        long created = before == null ? now : before[1];
        long updated = before == null || before[0] != v ? now : before[2];
        rows.put(k, new long[] {v, created, updated});
        return new long[] {created, updated};
    }

    /** Writes the index to {@code file}. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<Long, long[]> e : rows.entrySet()) {
                out.writeLong(e.getKey());
                for (long part : e.getValue()) {
                    out.writeLong(part);
                }
            }
        }
    }

    /** Returns the number of rows remembered. */
    int size() {
        return rows.size();
    }

    private static long hash(String text) {
        return ByteBuffer.wrap(Blake3.hash(text.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static long valuesHash(Object[] values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(value == null ? "\u0000N" : value.getClass().getSimpleName() + ":" + value).append('\u0001');
        }
        return hash(text.toString());
    }
}
