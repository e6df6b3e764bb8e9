package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies one ledger table into the SQLite work file: rows are upserted by key in committed batches;
 * a derived table also loses the rows its new version no longer holds; two events with one ULID
 * abort the run naming both commits. Not thread-safe.
 */
final class TableLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;
    private final SnapshotTables source;
    private final int batchSize;
    private final ExportObserver observer;
    private final long now;

    TableLoader(Connection db, SnapshotTables source, int batchSize, ExportObserver observer, long now) {
        this.db = requireNonNull(db, "db");
        this.source = requireNonNull(source, "source");
        this.batchSize = batchSize;
        this.observer = requireNonNull(observer, "observer");
        this.now = now;
    }

    /** Loads {@code table} from {@code schema} (delta or the whole snapshot); returns the rows written. */
    long load(TableSelection table, String schema, RowFilter filter, boolean derived) throws SQLException {
        TableDef def = table.def();
        boolean synthetic = def.primaryKey().isEmpty();
        List<String> columns = new ArrayList<>(table.columns());
        if (synthetic) {
            columns.add(0, SqliteDdl.ROW_KEY);
        }
        List<String> key = SqliteDdl.keyColumns(def);
        int[] keyAt = key.stream().mapToInt(columns::indexOf).toArray();
        Set<List<Object>> seen = derived ? new HashSet<>() : null;
        guardUlids(def, table.columns());
        long[] written = {0};
        try (RowUpserter upserter = new RowUpserter(db, def.name(), columns, key, SqliteDdl.auditColumns(def),
                batchSize)) {
            source.copy(schema, def, table.columns(), filter, row -> {
                Object[] stored = synthetic ? withRowKey(row) : row;
                if (seen != null) {
                    seen.add(keyOf(stored, keyAt));
                }
                written[0]++;
                if (upserter.add(stored, now)) {
                    observer.batch(def.name(), written[0]);
                }
            });
            if (upserter.flush()) {
                observer.batch(def.name(), written[0]);
            }
        } catch (SQLException e) {
            throw duplicateUlid(e);
        }
        if (seen != null) {
            dropUnseen(def.name(), key, seen);
        }
        observer.tableDone(def.name(), written[0]);
        return written[0];
    }

    private static Object[] withRowKey(Object[] row) {
        ArrayNode key = JSON.createArrayNode();
        for (Object value : row) {
            key.add(value == null ? null : value.toString());
        }
        Object[] out = new Object[row.length + 1];
        out[0] = key.toString();
        System.arraycopy(row, 0, out, 1, row.length);
        return out;
    }

    private static List<Object> keyOf(Object[] row, int[] keyAt) {
        return Arrays.stream(keyAt).mapToObj(i -> row[i]).toList();
    }

    private void dropUnseen(String table, List<String> key, Set<List<Object>> seen) throws SQLException {
        String cols = SqliteDdl.quoteAll(key);
        List<List<Object>> gone = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + SqliteDdl.quote(table))) {
            while (rs.next()) {
                List<Object> k = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    k.add(rs.getObject(i) instanceof Integer n ? Long.valueOf(n) : rs.getObject(i));
                }
                if (!seen.contains(k)) {
                    gone.add(k);
                }
            }
        }
        String where = key.stream().map(c -> SqliteDdl.quote(c) + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + SqliteDdl.quote(table) + " WHERE " + where)) {
            for (List<Object> k : gone) {
                for (int i = 0; i < k.size(); i++) {
                    delete.setObject(i + 1, k.get(i));
                }
                delete.addBatch();
            }
            delete.executeBatch();
        }
        db.commit();
    }

    /** Installs a trigger that turns a second event with a known ULID into an error naming both commits. */
    private void guardUlids(TableDef def, List<String> columns) throws SQLException {
        if (!def.name().equals("events") || !columns.contains("commit_id")) {
            return;
        }
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TEMP TRIGGER IF NOT EXISTS gatos_duplicate_ulid BEFORE UPDATE OF \"commit_id\" ON"
                    + " main.\"events\" WHEN old.\"commit_id\" IS NOT new.\"commit_id\" BEGIN SELECT RAISE(ABORT,"
                    + " 'DUPLICATE_ULID ' || old.\"id\" || ' ' || old.\"commit_id\" || ' ' || new.\"commit_id\"); END");
        }
    }

    private static RuntimeException duplicateUlid(SQLException e) {
        String text = String.valueOf(e.getMessage());
        int at = text.indexOf("DUPLICATE_ULID ");
        if (at < 0) {
            return new MaterializeException(MaterializeException.Code.SQL, "writing the export failed: " + text, e);
        }
        String[] parts = text.substring(at).split("[\\s)\\]]+");
        return new MaterializeException(MaterializeException.Code.DUPLICATE_ULID, "two events carry ULID " + parts[1]
                + ": commits " + parts[2] + " and " + parts[3] + "; an export refuses to drop either (the findings"
                + " table reports it as DUPLICATE_ULID); fix the ledger, or leave events out with --tables", e);
    }
}
