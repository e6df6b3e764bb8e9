package io.gatos.sql.jdbc;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.calcite.dialect.GatosPrepare;
import io.gatos.sql.calcite.infoschema.InformationSchema;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;

/**
 * Connects {@code jdbc:gatos:repo=PATH[;key=value...]} URLs to a GATOS repository: each connection
 * opens the repository, mounts it as schema {@code gatos} (the default) and closes it with the
 * connection. Registered with {@link java.sql.DriverManager} when loaded. Connecting reads only
 * the refs; every statement then reads one snapshot of them. {@code jdbc:gatos:url=http://HOST:PORT}
 * connects to a {@code gatos serve} server instead ({@link RemoteConnector}), with the same JDBC
 * behaviour.
 */
public class GatosDriver extends Driver {
    /** URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:gatos:";
    /** URL property naming the repository path. */
    public static final String REPO = "repo";

    static {
        new GatosDriver().register();
    }

    private ClosingHandler closing;

    /** Creates the driver; prefer {@link java.sql.DriverManager}, which loads it through the service file. */
    public GatosDriver() {
        super();
    }

    @Override
    protected String getConnectStringPrefix() {
        return PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        String version = GatosDriver.class.getPackage().getImplementationVersion();
        return new DriverVersion("gatos-sql JDBC driver", version == null ? "dev" : version, "gatos-sql",
                version == null ? "dev" : version, true, 0, 1, 0, 1);
    }

    @Override
    protected synchronized Handler createHandler() {
        if (closing == null) {
            closing = new ClosingHandler(super.createHandler());
        }
        return closing;
    }

    /** Prepares statements with gatos-sql's dialect and ledger-aware planning ({@link GatosPrepare}). */
    @Override
    public CalcitePrepare createPrepare() {
        return new GatosPrepare();
    }

    @Override
    public Meta createMeta(AvaticaConnection connection) {
        return CalciteMetaImpl.create((CalciteConnection) connection, CatalogTableFactory.INSTANCE,
                CatalogColumnFactory.INSTANCE);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null || !acceptsURL(url)) {
            return null;
        }
        Properties props = ConnectStringParser.parse(url.substring(PREFIX.length()), info);
        String repo = props.getProperty(REPO);
        if ((repo == null || repo.isBlank()) && props.getProperty(RemoteConnector.URL) != null) {
            return RemoteConnector.connect(props);
        }
        if (repo == null || repo.isBlank()) {
            throw new SQLException("the URL names no repository: use " + PREFIX + "repo=/path/to/ledger.git, or "
                    + PREFIX + "url=http://HOST:PORT for a gatos serve server", "08001");
        }
        LedgerRepository repository = open(repo);
        try {
            return mount(url, props, repository, true);
        } catch (SQLException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /**
     * Connects to a repository that is already open, so that many connections share its object
     * caches (a server's clients, for example). The caller keeps {@code repository} open while any
     * of these connections is, and closes it; closing a connection leaves it open.
     *
     * @param info connection properties, as in a URL; may be null
     */
    public Connection connect(LedgerRepository repository, Properties info) throws SQLException {
        Properties props = new Properties();
        if (info != null) {
            props.putAll(info);
        }
        props.setProperty(REPO, repository.path().toString());
        return mount(PREFIX + REPO + "=" + repository.path(), props, repository, false);
    }

    /** Opens the Calcite connection and mounts {@code repository} as schema gatos; {@code owned} closes it with the connection. */
    private Connection mount(String url, Properties props, LedgerRepository repository, boolean owned)
            throws SQLException {
        CacheConfig cache;
        try {
            cache = CacheConfig.from(props);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
        ConnectionDefaults.apply(props);
        Connection connection = super.connect(url, props);
        if (owned) {
            ((ClosingHandler) createHandler()).register(connection.unwrap(AvaticaConnection.class), repository);
        }
        CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
        calcite.getRootSchema().add(Catalog.SCHEMA, new GatosSchema(repository, cache));
        InformationSchema.mount(calcite.getRootSchema());
        calcite.setSchema(Catalog.SCHEMA);
        return GatosConnection.wrap(connection);
    }

    private static LedgerRepository open(String repo) throws SQLException {
        try {
            return LedgerRepository.open(Path.of(repo));
        } catch (LedgerException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        } catch (java.nio.file.InvalidPathException e) {
            throw new SQLException("not a GATOS repository: '" + repo + "' is not a valid path", "08001", e);
        }
    }
}
