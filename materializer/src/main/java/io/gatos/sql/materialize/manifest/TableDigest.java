package io.gatos.sql.materialize.manifest;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Computes the row count and the BLAKE3 digest of one SQLite table, reading every row in primary
 * key order: each value is hashed as a type tag, a length and its bytes, so any change to any
 * value, row or order changes the digest. Costs one pass over the table.
 */
public final class TableDigest {
    private TableDigest() {
    }

    /** Holds a table's row count and digest ({@code blake3:<hex>}). */
    public record Result(long rows, String digest) {
    }

    /** Digests {@code columns} of {@code table}, ordered by {@code key}. */
    public static Result of(Connection c, String table, List<String> columns, List<String> key) throws SQLException {
        String sql = "SELECT " + SqliteDdl.quoteAll(columns) + " FROM "
                + SqliteDdl.quote(table) + " ORDER BY " + SqliteDdl.quoteAll(key);
        Blake3 hasher = Blake3.newHasher();
        long rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = columns.size();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= n; i++) {
                    hash(hasher, rs, i);
                }
            }
        }
        return new Result(rows, "blake3:" + java.util.HexFormat.of().formatHex(hasher.digest()));
    }

    private static void hash(Blake3 hasher, ResultSet rs, int i) throws SQLException {
        Object value = rs.getObject(i);
        byte tag;
        byte[] bytes;
        if (value == null) {
            tag = 0;
            bytes = new byte[0];
        } else if (value instanceof Integer || value instanceof Long) {
            tag = 1;
            bytes = ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
        } else {
            tag = 2;
            bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        }
        hasher.update(new byte[] {tag});
        hasher.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        hasher.update(bytes);
    }
}
