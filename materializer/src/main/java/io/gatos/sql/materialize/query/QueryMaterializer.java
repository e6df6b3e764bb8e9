package io.gatos.sql.materialize.query;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.jdbc.GatosDriver;
import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.OutputLock;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.SqliteFile;
import io.gatos.sql.materialize.sqlite.SqliteValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;

/**
 * Runs {@code gatos materialize --query}: writes any SQL result into a typed table of an SQLite
 * file. The table is rebuilt in a temporary copy of the file and moved into place, so a run is
 * idempotent and a failed run leaves the file as it was. Holds the output's lock while it runs.
 */
public final class QueryMaterializer {
    private QueryMaterializer() {
    }

    /** Holds what a run wrote. */
    public record Result(Path out, String table, long rows, long bytes, long millis) {
        /** Renders the one-line summary a scheduler logs. */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "materialize %s: table %s rebuilt, %d rows, %d bytes, %.1f s",
                    out, table, rows, bytes, millis / 1000.0);
        }
    }

    /** Runs {@code job}; throws {@link MaterializeException} naming the input and the fix. */
    public static Result run(QueryJob job) {
        long start = System.nanoTime();
        guardExportTables(job);
        try (OutputLock lock = OutputLock.acquire(job.out())) {
            Path tmp = AtomicFiles.tempBeside(job.out());
            try {
                if (Files.exists(job.out())) {
                    Files.copy(job.out(), tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                long rows = write(job, tmp);
                AtomicFiles.sync(tmp);
                AtomicFiles.replace(tmp, job.out());
                return new Result(job.out(), job.table(), rows, Files.size(job.out()),
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                AtomicFiles.deleteQuietly(tmp);
            }
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.IO, "writing " + job.out() + " failed: "
                    + e.getMessage() + "; the file is unchanged", e);
        }
    }

    private static void guardExportTables(QueryJob job) {
        ExportManifest manifest = ExportManifestFile.read(ExportManifestFile.pathOf(job.out()));
        if (manifest != null && (manifest.tables().containsKey(job.table()) || job.table().equals("export_info")
                || Catalog.get().table(job.table()).isPresent())) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "--table " + job.table() + " would"
                    + " replace a table of the export " + job.out() + "; choose another table name");
        }
    }

    private static long write(QueryJob job, Path file) {
        Properties props = new Properties();
        props.setProperty(GatosDriver.REPO, job.repo().toString());
        try (Connection ledger = DriverManager.getConnection(GatosDriver.PREFIX, props);
                Connection db = SqliteFile.openForLoad(file);
                Statement query = ledger.createStatement();
                ResultSet rs = query.executeQuery(job.sql())) {
            List<String> types = create(db, job.table(), rs.getMetaData());
            return copy(rs, db, job, types);
        } catch (SQLException e) {
            throw new MaterializeException(MaterializeException.Code.SQL, "--query failed: " + e.getMessage()
                    + "; the file is unchanged", e);
        }
    }

    private static List<String> create(Connection db, String table, ResultSetMetaData md) throws SQLException {
        List<String> types = new ArrayList<>();
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + SqliteDdl.quote(table) + " (");
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            String type = SqliteValues.sqliteType(md.getColumnType(i));
            types.add(type);
            ddl.append(i > 1 ? ", " : "").append(SqliteDdl.quote(name)).append(' ').append(type);
            if (md.isNullable(i) == ResultSetMetaData.columnNoNulls) {
                ddl.append(" NOT NULL");
            }
            if (md.getColumnType(i) == Types.BOOLEAN) {
                ddl.append(" CHECK (").append(SqliteDdl.quote(name)).append(" IN (0, 1))");
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + SqliteDdl.quote(table));
            s.execute(ddl.append(')').toString());
        }
        return types;
    }


    private static long copy(ResultSet rs, Connection db, QueryJob job, List<String> types) throws SQLException {
        int n = types.size();
        String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
        Calendar utc = SqliteValues.utc();
        ResultSetMetaData md = rs.getMetaData();
        long rows = 0;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + SqliteDdl.quote(job.table())
                + " VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    insert.setObject(i, SqliteValues.read(rs, i, md.getColumnType(i), utc));
                }
                insert.addBatch();
                if (++rows % job.batchSize() == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        SqliteFile.seal(db, null);
        return rows;
    }

}
