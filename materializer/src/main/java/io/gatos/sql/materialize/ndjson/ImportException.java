package io.gatos.sql.materialize.ndjson;

/**
 * Reports why an NDJSON import was aborted, with the 1-based input line when one line is at fault
 * (0 when the failure concerns the whole run, such as a ref moved by someone else). Nothing was
 * published when it is thrown: no ref of the target moved.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;

    /** Creates an exception for {@code line} (0: no particular line) with {@code reason}. */
    public ImportException(long line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    /** Returns the 1-based line at fault, or 0 when no particular line is. */
    public long line() {
        return line;
    }
}
