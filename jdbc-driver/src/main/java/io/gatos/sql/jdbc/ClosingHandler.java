package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.LedgerRepository;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Handler;

/**
 * Closes each connection's repository when the connection closes, whichever object the caller
 * closed it through (the wrapper or the Calcite connection a statement hands back); delegates
 * everything else to Calcite's handler. Thread-safe.
 */
final class ClosingHandler implements Handler {
    private final Handler calcite;
    private final Map<AvaticaConnection, LedgerRepository> open = new ConcurrentHashMap<>();

    ClosingHandler(Handler calcite) {
        this.calcite = requireNonNull(calcite, "calcite");
    }

    /** Makes {@code repository} close with {@code connection}. */
    void register(AvaticaConnection connection, LedgerRepository repository) {
        open.put(connection, repository);
    }

    @Override
    public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        calcite.onConnectionInit(connection);
    }

    @Override
    public void onConnectionClose(AvaticaConnection connection) {
        try {
            calcite.onConnectionClose(connection);
        } finally {
            LedgerRepository repository = open.remove(connection);
            if (repository != null) {
                repository.close();
            }
        }
    }

    @Override
    public void onStatementExecute(AvaticaStatement statement, ResultSink resultSink) {
        calcite.onStatementExecute(statement, resultSink);
    }

    @Override
    public void onStatementClose(AvaticaStatement statement) {
        calcite.onStatementClose(statement);
    }
}
