package io.gatos.sql.calcite.dialect;

/**
 * Says that a statement would write (INSERT, UPDATE, DELETE, MERGE, CREATE, DROP...), which
 * gatos-sql never does: GATOS tools write ledgers, SQL reads them. Thrown before the statement is
 * validated or planned, so its message is the whole story.
 */
public final class ReadOnlyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a statement of kind {@code statement}, such as {@code INSERT} or {@code CREATE TABLE}. */
    public ReadOnlyException(String statement) {
        super("gatos-sql is read-only: " + statement + " is not supported; the ledger is written by GATOS tools");
    }
}
