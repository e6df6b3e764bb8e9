package io.gatos.sql.cli.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatos.sql.cli.options.LowerCaseEnum;
import io.gatos.sql.materialize.ExportObserver;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports the progress of {@code gatos export} on stderr: as a line {@code exporting <table>: N
 * rows} redrawn at most ten times a second ({@link Mode#BAR}), or as one JSON line {@code
 * {"event":"export.progress",...}} at most every 30 seconds plus a final one with {@code
 * "done":true} ({@link Mode#JSON}), for log collectors.
 */
public final class ExportProgress implements ExportObserver {
    /** The shortest time between two redraws of the bar. */
    static final long BAR_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** The shortest time between two JSON lines, except the final one. */
    static final long JSON_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Names the values of {@code --progress}. */
    public enum Mode {
        /** A bar on a terminal, nothing otherwise. */
        AUTO,
        /** A redrawn line. */
        BAR,
        /** JSON lines. */
        JSON,
        /** Nothing. */
        NONE;

        /** Returns the name used on the command line, in lower case. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Converts a command-line value, in any case, to a mode; lists the names. */
        public static final class Converter extends LowerCaseEnum<Mode> {
            Converter() {
                super(Mode.class);
            }
        }
    }

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private final long jsonIntervalNanos;
    private final long start;
    private long lastOutput;
    private boolean drawn;
    private int drawnWidth;
    private String table;
    private long rowsInTable;
    private boolean tableDone;
    private long rowsOfDoneTables;

    /**
     * Creates a reporter writing to {@code err} in {@code mode} ({@link Mode#AUTO} reads as none),
     * reading time from {@code nanoClock} and writing JSON lines at most every {@code
     * jsonIntervalNanos}.
     */
    ExportProgress(PrintWriter err, Mode mode, LongSupplier nanoClock, long jsonIntervalNanos) {
        this.err = Objects.requireNonNull(err, "err");
        this.mode = mode == Mode.AUTO ? Mode.NONE : Objects.requireNonNull(mode, "mode");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.jsonIntervalNanos = jsonIntervalNanos;
        this.start = nanoClock.getAsLong();
        this.lastOutput = start;
    }

    /** Creates a reporter on the system clock; {@link Mode#AUTO} draws a bar on a terminal only. */
    public static ExportProgress create(PrintWriter err, Mode mode) {
        Mode resolved = mode == Mode.AUTO && System.console() != null ? Mode.BAR : mode;
        return new ExportProgress(err, resolved, System::nanoTime, JSON_NANOS);
    }

    @Override
    public synchronized void batch(String table, long rows) {
        this.table = table;
        this.rowsInTable = rows;
        this.tableDone = false;
        report();
    }

    @Override
    public synchronized void tableDone(String table, long rows) {
        this.table = table;
        this.rowsInTable = rows;
        this.tableDone = true;
        rowsOfDoneTables += rows;
        report();
    }

    /** Writes a remark on a line of its own (also with no progress mode: it tells why a run does more work). */
    @Override
    public synchronized void note(String message) {
        if (mode == Mode.JSON) {
            ObjectNode line = JSON.createObjectNode();
            line.put("event", "export.note");
            line.put("message", message);
            err.println(line.toString());
        } else {
            err.println((drawn ? "\n" : "") + "gatos export: " + message);
            drawn = false;
            drawnWidth = 0;
        }
        err.flush();
    }

    /**
     * Ends the report: replaces the bar by {@code exported N rows} (or {@code export failed after N
     * rows}) and ends its line, so that later output starts on a line of its own, or writes the
     * final JSON line with {@code "done":true} and whether the export succeeded ({@code "ok"}).
     */
    public synchronized void finish(boolean ok) {
        if (mode == Mode.BAR && drawn) {
            String end = ok ? "exported " : "export failed after ";
            draw(end + rowsTotal() + " rows", nanoClock.getAsLong());
            err.println();
            err.flush();
        } else if (mode == Mode.JSON) {
            json(nanoClock.getAsLong(), ok);
        }
    }

    private void report() {
        long now = nanoClock.getAsLong();
        if (mode == Mode.BAR && (!drawn || now - lastOutput >= BAR_NANOS)) {
            draw("exporting " + table + ": " + rowsInTable + " rows", now);
        } else if (mode == Mode.JSON && now - lastOutput >= jsonIntervalNanos) {
            json(now, null);
        }
    }

    private long rowsTotal() {
        return rowsOfDoneTables + (tableDone ? 0 : rowsInTable);
    }

    private void draw(String line, long now) {
        int width = line.length();
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - width)));
        err.flush();
        drawnWidth = width;
        drawn = true;
        lastOutput = now;
    }

    private void json(long now, Boolean ok) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "export.progress");
        line.put("table", table);
        line.put("rows_in_table", rowsInTable);
        line.put("rows_total", rowsTotal());
        line.put("elapsed_ms", TimeUnit.NANOSECONDS.toMillis(now - start));
        if (ok != null) {
            line.put("done", true);
            line.put("ok", ok);
        }
        err.println(line.toString());
        err.flush();
        lastOutput = now;
    }
}
