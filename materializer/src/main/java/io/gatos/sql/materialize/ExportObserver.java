package io.gatos.sql.materialize;

/**
 * Hears how an export progresses: after every committed batch and after every table. Called on the
 * exporting thread; an exception thrown here aborts the run (the previous export stays as it was).
 */
public interface ExportObserver {
    /** Hears nothing. */
    ExportObserver NONE = new ExportObserver() {
    };

    /** Hears that {@code rows} rows of {@code table} are written so far in this run. */
    default void batch(String table, long rows) {
    }

    /** Hears that {@code table} is done with {@code rows} rows written in this run. */
    default void tableDone(String table, long rows) {
    }

    /** Hears a remark worth a log line, e.g. that an interrupted run was finished first. */
    default void note(String message) {
    }
}
