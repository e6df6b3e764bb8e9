package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sqlite.SQLiteException;

/**
 * Opens a real SQLite file with {@code PRAGMA foreign_keys=ON} for the tests of this package: runs
 * DDL, inserts rows (filling unnamed columns with valid defaults) and reads results as text rows.
 */
final class SqliteTestFile implements AutoCloseable {
    private final Connection connection;

    private SqliteTestFile(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating) {@code file} and turns foreign key enforcement on. */
    static SqliteTestFile open(Path file) throws SQLException {
        SqliteTestFile db = new SqliteTestFile(DriverManager.getConnection("jdbc:sqlite:" + file));
        db.run(List.of("PRAGMA foreign_keys=ON"));
        return db;
    }

    /** Opens {@code file} and runs every statement of {@code ddl}. */
    static SqliteTestFile create(Path file, SqliteDdl ddl) throws SQLException {
        SqliteTestFile db = open(file);
        db.run(ddl.all());
        return db;
    }

    /** Runs each statement in order. */
    void run(List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Returns each row of {@code sql} as its columns joined by {@code |} (NULL as {@code null}). */
    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** Inserts one row into catalog table {@code table}: {@code values}, else a valid default per column. */
    void insert(String table, Map<String, Object> values) throws SQLException {
        TableDef def = Catalog.get().require(table);
        Map<String, Object> row = new LinkedHashMap<>();
        if (def.primaryKey().isEmpty()) {
            row.put(SqliteDdl.ROW_KEY, values.getOrDefault(SqliteDdl.ROW_KEY, "k" + System.nanoTime()));
        }
        for (ColumnDef column : def.columns()) {
            row.put(column.name(), values.containsKey(column.name()) ? values.get(column.name()) : fallback(column));
        }
        for (String audit : SqliteDdl.auditColumns(def)) {
            row.put(audit, 1_700_000_000_000L);
        }
        insertRow(table, row);
    }

    /** Asserts that inserting {@code values} into {@code table} fails with SQLite result code {@code code}. */
    void rejects(String table, Map<String, Object> values, String code) {
        assertThatThrownBy(() -> insert(table, values)).as("%s %s", table, values)
                .isInstanceOfSatisfying(SQLiteException.class, e -> assertThat(e.getResultCode().name())
                        .isEqualTo(code));
    }

    private void insertRow(String table, Map<String, Object> row) throws SQLException {
        String sql = "INSERT INTO " + SqliteDdl.quote(table) + " ("
                + row.keySet().stream().map(SqliteDdl::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + row.keySet().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            insert.executeUpdate();
        }
    }

    private static Object fallback(ColumnDef column) {
        if (column.nullable()) {
            return null;
        }
        if (column.enumerated()) {
            return column.values().get(0);
        }
        return switch (column.type()) {
            case VARCHAR -> "v";
            case JSON -> "{}";
            case INTEGER, BIGINT, BOOLEAN, TIMESTAMP -> 0L;
        };
    }

    @Override
    public void close() throws SQLException {
        requireNonNull(connection).close();
    }
}
