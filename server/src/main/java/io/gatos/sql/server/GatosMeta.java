package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.calcite.exec.QueryStoppedException;
import io.gatos.sql.jdbc.GatosDriver;
import io.gatos.sql.ledger.LedgerRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Serves Avatica requests from embedded {@code jdbc:gatos:} connections, with the server's rules on
 * top of {@link JdbcMeta}: client properties pass {@link ClientProperties}; connections and
 * statements are capped and expire when idle; every statement gets the server's query timeout; a
 * result over the row cap fails; frames hold rows whatever fetch size a client sets
 * ({@link FrameSize}); a stopping server refuses new work. Thread-safe. Client
 * connections share one repository; each holds a Calcite connection until it is closed or expires,
 * and {@link #closeAll()} closes them.
 */
public final class GatosMeta extends JdbcMeta {
    private final ServerConfig config;
    private final ResultCap cap;
    private final GatosDriver driver = new GatosDriver();
    private final LedgerRepository repository;
    private final Map<Integer, Running> open = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * Creates the meta for {@code config}; every client connection reads {@code repository}, which
     * the caller keeps open until {@link #closeAll()} and closes. Sharing one repository keeps one
     * copy of its pack indexes and caches, whatever the number of clients.
     */
    public GatosMeta(ServerConfig config, LedgerRepository repository) throws SQLException {
        super(GatosDriver.PREFIX + GatosDriver.REPO + "=" + repository.path(), cacheSettings(config));
        this.config = requireNonNull(config, "config");
        this.repository = repository;
        this.cap = new ResultCap(config.maxRows());
    }

    private static Properties cacheSettings(ServerConfig config) {
        long idleSeconds = Math.max(1, config.idleTimeout().toSeconds());
        Properties p = new Properties();
        // The caches are a backstop at twice the limits: the limits are enforced with clear errors below.
        p.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(), Long.toString(2L * config.maxConnections()));
        p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), Long.toString(idleSeconds));
        p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
        p.setProperty(StatementCacheSettings.MAX_CAPACITY.key(), Long.toString(2L * config.maxStatements()));
        p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), Long.toString(idleSeconds));
        p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
        return p;
    }

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        refuseWhenStopping();
        Properties allowed = ClientProperties.filter(info);
        getConnectionCache().cleanUp();
        if (getConnectionCache().size() >= config.maxConnections()) {
            throw RefusedException.tooManyConnections(config.maxConnections());
        }
        Map<String, String> forwarded = new java.util.HashMap<>();
        allowed.stringPropertyNames().forEach(k -> forwarded.put(k, allowed.getProperty(k)));
        super.openConnection(ch, forwarded);
    }

    @Override
    protected Connection createConnection(String url, Properties info) throws SQLException {
        return driver.connect(repository, ClientProperties.allowedOnly(info));
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        return register(ch, () -> getConnection(ch.id).createStatement(), null, 0);
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        return register(ch, () -> getConnection(ch.id).prepareStatement(sql), sql, maxRowCount);
    }

    /** Opens a statement with {@code opener}, applies the server's limits and registers it. */
    private StatementHandle register(ConnectionHandle ch, SqlSupplier<Statement> opener, String sql, long maxRows) {
        refuseWhenStopping();
        getStatementCache().cleanUp();
        if (getStatementCache().size() >= config.maxStatements()) {
            throw RefusedException.tooManyStatements(config.maxStatements());
        }
        try {
            Statement statement = opener.get();
            statement.setQueryTimeout(config.statementTimeoutSeconds());
            long limit = cap.engineLimit(maxRows);
            if (limit > 0) {
                statement.setLargeMaxRows(limit);
            }
            int id = getStatementIdGenerator().getAndIncrement();
            getStatementCache().put(id, new StatementInfo(statement));
            track(id, new Running(ch.id, statement));
            if (!(statement instanceof PreparedStatement prepared)) {
                return new StatementHandle(ch.id, id, null);
            }
            StatementType type = prepared.isWrapperFor(AvaticaPreparedStatement.class)
                    ? prepared.unwrap(AvaticaPreparedStatement.class).getStatementType() : null;
            return new StatementHandle(ch.id, id,
                    signature(prepared.getMetaData(), prepared.getParameterMetaData(), sql, type));
        } catch (SQLException e) {
            throw RefusedException.of(e);
        }
    }

    @Override
    public void closeStatement(StatementHandle h) {
        try {
            super.closeStatement(h);
        } finally {
            open.remove(h.id);
        }
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
            PrepareCallback callback) throws NoSuchStatementException {
        refuseWhenStopping();
        try {
            return checked(super.prepareAndExecute(h, sql, cap.engineLimit(maxRowCount),
                    cap.frameSize(0, FrameSize.rows(maxRowsInFirstFrame)), callback));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        refuseWhenStopping();
        try {
            return checked(super.execute(h, WireParameters.asInstants(parameterValues),
                    cap.frameSize(0, FrameSize.rows(maxRowsInFirstFrame))));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        try {
            Frame frame = super.fetch(h, offset, cap.frameSize(offset, FrameSize.rows(fetchMaxRowCount)));
            cap.check(offset, size(frame));
            return frame;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Refuses new connections and statements from now on; running ones may finish. */
    public void beginStop() {
        stopping = true;
    }

    /** Cancels every open statement; their scans stop at their next row. Returns how many were cancelled. */
    public int cancelAll() {
        int cancelled = 0;
        for (Running running : open.values()) {
            Statement statement = running.statement();
            try {
                if (!statement.isClosed()) {
                    statement.cancel();
                    cancelled++;
                }
            } catch (SQLException e) {
                // a statement closing at the same moment needs no cancel
            }
        }
        return cancelled;
    }

    /** Closes every client connection, and with them their repositories. */
    public void closeAll() {
        getStatementCache().invalidateAll();
        getConnectionCache().invalidateAll();
        open.clear();
    }

    /** Returns the number of open client connections. */
    public long openConnections() {
        getConnectionCache().cleanUp();
        return getConnectionCache().size();
    }

    /**
     * Cancels what statement {@code statementId} of connection {@code connectionId} is running, as
     * a client's {@code Statement.cancel()} asks through {@link Gateway#CANCEL}; its scan stops at
     * its next row. Returns whether such a statement is open.
     */
    public boolean cancel(String connectionId, int statementId) {
        Running running = open.get(statementId);
        if (running == null || !running.connectionId().equals(connectionId)) {
            return false;
        }
        try {
            running.statement().cancel();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void track(int id, Running statement) {
        open.put(id, statement);
        if (open.size() > 2 * config.maxStatements()) {
            open.keySet().removeIf(k -> getStatementCache().getIfPresent(k) == null);
        }
    }

    private ExecuteResult checked(ExecuteResult result) {
        for (MetaResultSet rs : result.resultSets) {
            if (rs.firstFrame != null) {
                cap.check(0, size(rs.firstFrame));
            }
        }
        return result;
    }

    private static int size(Frame frame) {
        int n = 0;
        for (Object ignored : frame.rows) {
            n++;
        }
        return n;
    }

    private RuntimeException translate(RuntimeException e) {
        QueryStoppedException stop = QueryStoppedException.find(e);
        if (stop == null) {
            return RefusedException.of(e);
        }
        return switch (stop.reason()) {
            case TIMED_OUT -> RefusedException.timedOut(stop.getMessage());
            case CANCELLED -> RefusedException.cancelled(stop.getMessage(), stopping);
        };
    }

    private void refuseWhenStopping() {
        if (stopping) {
            throw RefusedException.shuttingDown();
        }
    }

    /** A client statement and the connection it belongs to. */
    private record Running(String connectionId, Statement statement) {
    }

    /** Supplies a value through JDBC calls. */
    @FunctionalInterface
    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }
}
