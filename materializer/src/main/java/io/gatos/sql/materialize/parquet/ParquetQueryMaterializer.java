package io.gatos.sql.materialize.parquet;

import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import io.gatos.sql.materialize.OutputLock;
import io.gatos.sql.materialize.files.QueryConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code gatos materialize --query ... --format parquet}: streams any SQL result (over a ledger,
 * files, or both) into one Parquet file, or into a Hive-partitioned dataset directory. Result column
 * types map through {@link ParquetKind#ofJdbc}. The output is built beside its destination and
 * renamed into place only when the query finished, so a failed run leaves the old output as it
 * was. Holds the output's lock while it runs; memory holds one row group per open file.
 */
public final class ParquetQueryMaterializer {
    private ParquetQueryMaterializer() {
    }

    /** Holds what a run wrote. */
    public record Result(Path out, long rows, int files, long bytes, long millis) {
        /** Renders the one-line summary a scheduler logs. */
        public String summary() {
            return String.format(Locale.ROOT, "materialize %s: parquet, %d rows in %d file%s, %d bytes, %.1f s",
                    out, rows, files, files == 1 ? "" : "s", bytes, millis / 1000.0);
        }
    }

    /** Runs {@code job}; throws {@link MaterializeException} naming the input and the fix. */
    public static Result run(ParquetQueryJob job) {
        long start = System.nanoTime();
        Path out = job.out();
        if (job.partition() == null && Files.isDirectory(out)) {
            throw new MaterializeException(Code.BAD_OPTION, "--out " + out + " is a directory; without --partition-by"
                    + " the output is one .parquet file");
        }
        try (OutputLock lock = OutputLock.acquire(out)) {
            Path tmp = job.partition() == null ? AtomicFiles.tempBeside(out) : DatasetDirectory.stage(out);
            try {
                long[] counts = write(job, tmp);
                if (job.partition() == null) {
                    AtomicFiles.sync(tmp);
                    AtomicFiles.replace(tmp, out);
                } else {
                    DatasetDirectory.publish(tmp, out);
                }
                long bytes = Files.isDirectory(out) ? DatasetDirectory.size(out) : Files.size(out);
                return new Result(out, counts[0], (int) counts[1], bytes, (System.nanoTime() - start) / 1_000_000);
            } finally {
                AtomicFiles.deleteQuietly(tmp);
                DatasetDirectory.deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new MaterializeException(Code.IO, "writing " + out + " failed: " + e.getMessage()
                    + "; the previous output is unchanged", e);
        }
    }

    /** Writes the result into {@code target} (a file, or a directory for partitions); returns {rows, files}. */
    private static long[] write(ParquetQueryJob job, Path target) throws IOException {
        try (Connection connection = QueryConnections.open(job.repo(), job.sources());
                Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery(job.sql())) {
            List<ParquetColumn> columns = columns(rs.getMetaData());
            Map<String, String> metadata = Map.of("gatos.query", job.sql());
            if (job.partition() == null) {
                try (ParquetSink sink = ParquetSink.create(target, "result", columns, metadata)) {
                    while (rs.next()) {
                        sink.write(row(rs, columns));
                    }
                    return new long[] {sink.rows(), 1};
                }
            }
            try (PartitionedWriter writer = new PartitionedWriter(target, "result", columns, metadata,
                    job.partition(), job.maxOpenFiles(), part -> String.format(Locale.ROOT, "part-%05d.parquet", part))) {
                while (rs.next()) {
                    writer.write(row(rs, columns));
                }
                return new long[] {writer.rows(), writer.files().size()};
            }
        } catch (SQLException e) {
            throw new MaterializeException(Code.SQL, "--query failed: " + e.getMessage()
                    + "; the previous output is unchanged", e);
        } catch (RuntimeException e) {
            if (e instanceof MaterializeException) {
                throw e;
            }
            // a file source's error travels through Calcite wrapped
            Throwable cause = e;
            while (cause != null && !(cause instanceof MaterializeException)) {
                cause = cause.getCause();
            }
            throw cause != null ? (MaterializeException) cause : new MaterializeException(Code.SQL, "--query failed"
                    + " while running: " + e + "; the previous output is unchanged", e);
        }
    }

    private static List<ParquetColumn> columns(ResultSetMetaData md) throws SQLException {
        List<ParquetColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new MaterializeException(Code.BAD_OPTION, "--query returns column " + name + " twice; give one"
                        + " of them another name with AS");
            }
            columns.add(new ParquetColumn(name, ParquetKind.ofJdbc(md.getColumnType(i)),
                    md.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
    }

    /**
     * Reads the current row as ParquetSink takes it: timestamps as epoch ms UTC, dates as epoch days.
     * Timestamps and dates are read with {@code getLong}, which on a Calcite connection in UTC is the
     * zone-free internal value; {@code getTimestamp(i, utcCalendar)} goes through Avatica conversions
     * that depend on the JVM's default zone as it was when those classes were first loaded.
     */
    static Object[] row(ResultSet rs, List<ParquetColumn> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            Object value = switch (columns.get(i).kind()) {
                case STRING, JSON -> rs.getString(c);
                case INT32 -> rs.getInt(c);
                case INT64, TIMESTAMP -> rs.getLong(c);
                case DOUBLE -> rs.getDouble(c);
                case BOOLEAN -> rs.getBoolean(c);
                case DATE -> (int) rs.getLong(c);
            };
            row[i] = rs.wasNull() ? null : value;
        }
        return row;
    }
}
