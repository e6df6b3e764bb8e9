package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reports what one export run did.
 *
 * @param out the export file
 * @param mode what the run did ({@link ExportMode#UP_TO_DATE}: nothing new, nothing written)
 * @param rowsWritten per table, the rows this run inserted or updated
 * @param tableRows per table, the rows the export holds after the run
 * @param bytes the size of the export file
 * @param commitsRead commits the reader decoded during the run
 * @param millis wall time of the run
 * @param note why a full rebuild happened (null otherwise)
 */
public record ExportResult(Path out, ExportMode mode, Map<String, Long> rowsWritten, Map<String, Long> tableRows,
        long bytes, long commitsRead, long millis, String note) {
    /** Copies the maps. */
    public ExportResult {
        requireNonNull(out, "out");
        requireNonNull(mode, "mode");
        rowsWritten = Map.copyOf(rowsWritten);
        tableRows = Map.copyOf(tableRows);
    }

    /** Returns whether the run found nothing new. */
    public boolean upToDate() {
        return mode == ExportMode.UP_TO_DATE;
    }

    /** Returns the rows written in this run, over all tables. */
    public long totalWritten() {
        return rowsWritten.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Renders the one-line summary a scheduler logs. */
    public String summary() {
        long total = tableRows.values().stream().mapToLong(Long::longValue).sum();
        return String.format(java.util.Locale.ROOT, "export %s: %s, %d rows written (%d in %d tables), %d bytes,"
                + " %.1f s%s", out, upToDate() ? "up to date, nothing changed" : mode.id(), totalWritten(), total,
                tableRows.size(), bytes, millis / 1000.0, note == null ? "" : " (" + note + ")");
    }
}
