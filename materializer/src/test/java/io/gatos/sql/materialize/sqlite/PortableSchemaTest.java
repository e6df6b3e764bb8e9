package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortableSchemaTest {
    @TempDir
    Path dir;

    @Test
    void findsNullableJsonColumnsCheckedByABareJsonValid() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.sqlite"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old (\"id\" TEXT NOT NULL, \"payload\" JSON TEXT CHECK (json_valid(\"payload\")),"
                    + " \"meta\" JSON TEXT NOT NULL CHECK (json_valid(\"meta\")), PRIMARY KEY (\"id\"))");
            s.execute("CREATE TABLE fixed (\"id\" TEXT NOT NULL, \"payload\" JSON TEXT CHECK (\"payload\" IS NULL OR"
                    + " json_valid(\"payload\")), PRIMARY KEY (\"id\"))");
            assertThat(PortableSchema.nullUnsafeJsonChecks(c)).containsExactly("old.payload");
        }
    }

    @Test
    void theDdlTheExporterWritesIsPortable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("y.sqlite"));
                Statement s = c.createStatement()) {
            var all = io.gatos.sql.catalog.Catalog.get().tables().stream()
                    .map(def -> new TableSelection(def, def.columnNames(), true)).toList();
            for (String ddl : SqliteDdl.of(all).createTables()) {
                s.execute(ddl);
            }
            assertThat(PortableSchema.nullUnsafeJsonChecks(c)).isEmpty();
        }
    }
}
