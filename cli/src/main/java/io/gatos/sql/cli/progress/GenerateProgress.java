package io.gatos.sql.cli.progress;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reports how many of a known number of events have been written: on a terminal, one counter line
 * redrawn at most ten times a second; otherwise (a pipe or a log file) one line per 10%.
 */
public final class GenerateProgress implements LongConsumer {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long total;
    private final boolean terminal;
    private long nextPercent = 10;
    private long lastDraw;
    private boolean drawn;

    /** Creates a reporter writing to {@code err}; {@code terminal} selects the redrawn counter. */
    GenerateProgress(PrintWriter err, long total, boolean terminal) {
        this.err = Objects.requireNonNull(err, "err");
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /** Creates a reporter that redraws one line when the JVM has a console. */
    public static GenerateProgress forConsole(PrintWriter err, long total) {
        return new GenerateProgress(err, total, System.console() != null);
    }

    @Override
    public synchronized void accept(long done) {
        if (terminal) {
            long now = System.nanoTime();
            if (!drawn || done >= total || now - lastDraw >= REDRAW_NANOS) {
                err.print("\rgenerating: " + done + "/" + total + " events");
                err.flush();
                lastDraw = now;
                drawn = true;
            }
        } else if (done * 100 >= nextPercent * total) {
            long percent = Math.min(100, done * 100 / total);
            err.println("generating: " + done + "/" + total + " events (" + percent + "%)");
            err.flush();
            nextPercent = percent / 10 * 10 + 10;
        }
    }

    /** Ends the counter line on a terminal, so that later output starts on a line of its own. */
    public synchronized void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }
}
