package io.gatos.sql.materialize.files;

import io.gatos.sql.calcite.infoschema.InformationSchema;
import io.gatos.sql.jdbc.ConnectionDefaults;
import io.gatos.sql.jdbc.GatosDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Opens the connection a materialization queries: the ledger as schema {@code gatos} (the default)
 * when a repository is given, plus one schema per {@link FileSource} and {@code information_schema}.
 * The connection must be closed.
 */
public final class QueryConnections {
    private QueryConnections() {
    }

    /**
     * Connects to {@code repo} (null: no ledger, the files only) with {@code sources} mounted.
     *
     * @throws io.gatos.sql.materialize.MaterializeException {@code BAD_OPTION} for a bad source
     */
    public static Connection open(Path repo, List<FileSource> sources) throws SQLException {
        Properties props = new Properties();
        Connection connection;
        if (repo != null) {
            props.setProperty(GatosDriver.REPO, repo.toString());
            connection = DriverManager.getConnection(GatosDriver.PREFIX, props);
        } else {
            ConnectionDefaults.apply(props);
            connection = DriverManager.getConnection("jdbc:calcite:", props);
        }
        try {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            InformationSchema.mount(calcite.getRootSchema());
            for (FileSource source : sources) {
                calcite.getRootSchema().add(source.name(), source.open());
            }
            if (repo == null && sources.size() == 1) {
                calcite.setSchema(sources.get(0).name());
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
