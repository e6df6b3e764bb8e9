package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inserts or updates rows of one SQLite table by primary key, in batches: a new row gets
 * {@code created = updated = now}; an existing row that differs gets its values and {@code updated}
 * moved; an identical row is left alone. Not thread-safe; borrows the connection.
 */
final class RowUpserter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;
    private final int width;
    private final int batchSize;
    private int pending;

    /**
     * Prepares the upsert of {@code columns} (the key columns among them) plus the two audit columns
     * into {@code table}.
     */
    RowUpserter(Connection connection, String table, List<String> columns, List<String> key,
            List<String> audit, int batchSize) throws SQLException {
        this.connection = requireNonNull(connection, "connection");
        this.width = columns.size();
        this.batchSize = batchSize;
        this.insert = connection.prepareStatement(sql(table, columns, key, audit));
    }

    static String sql(String table, List<String> columns, List<String> key, List<String> audit) {
        String q = SqliteDdl.quote(table);
        String names = SqliteDdl.quoteAll(columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<String> values = columns.stream().filter(c -> !key.contains(c)).toList();
        String created = SqliteDdl.quote(audit.get(0));
        String updated = SqliteDdl.quote(audit.get(1));
        String head = "INSERT INTO " + q + " (" + names + ", " + created + ", " + updated + ") VALUES (" + marks
                + ", ?, ?) ON CONFLICT (" + SqliteDdl.quoteAll(key)
                + ") DO ";
        if (values.isEmpty()) {
            return head + "NOTHING";
        }
        return head + "UPDATE SET " + values.stream().map(c -> SqliteDdl.quote(c) + " = excluded." + SqliteDdl.quote(c))
                .collect(Collectors.joining(", ")) + ", " + updated + " = excluded." + updated + " WHERE "
                + values.stream().map(c -> q + "." + SqliteDdl.quote(c) + " IS NOT excluded." + SqliteDdl.quote(c))
                        .collect(Collectors.joining(" OR "));
    }

    /** Adds one row (values in column order); returns true when a batch was written and committed. */
    boolean add(Object[] row, long now) throws SQLException {
        for (int i = 0; i < width; i++) {
            insert.setObject(i + 1, row[i]);
        }
        insert.setLong(width + 1, now);
        insert.setLong(width + 2, now);
        insert.addBatch();
        if (++pending >= batchSize) {
            flush();
            return true;
        }
        return false;
    }

    /** Writes and commits the rows added since the last batch; returns whether there were any. */
    boolean flush() throws SQLException {
        if (pending == 0) {
            return false;
        }
        insert.executeBatch();
        connection.commit();
        pending = 0;
        return true;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
