package io.gatos.sql.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.stream.Stream;

/** Checks ledger paths and opens JDBC connections to them through the GATOS driver. */
final class Ledgers {
    static final String DRIVER = "io.gatos.sql.jdbc.GatosDriver";
    static final String URL_PREFIX = "jdbc:gatos:repo=";
    static final String HINT =
            "--repo must point at a Git repository with refs/gatos/** refs; "
                    + "create one with 'gatos generate --out PATH --events 1000'";

    private Ledgers() {}

    /**
     * Returns the absolute, normalized path of an existing directory, or fails naming the path and
     * the fix; does not look inside the directory (the driver does that when connecting).
     */
    static Path existingDirectory(Path repo) throws UserException {
        Path path = Objects.requireNonNull(repo, "repo").toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new UserException("no such repository: " + path + "\n" + HINT);
        }
        if (!Files.isDirectory(path)) {
            throw new UserException("not a directory: " + path + "\n" + HINT);
        }
        return path;
    }

    /**
     * Returns the JDBC URL of a ledger directory, the path single-quoted (quotes doubled) so that
     * {@code ;} and quotes in it survive the URL syntax.
     */
    static String url(Path directory) {
        return URL_PREFIX + "'" + directory.toString().replace("'", "''") + "'";
    }

    /** Returns the JDBC URL of a ledger directory, with {@code cache=false} unless {@code cache}. */
    static String url(Path directory, boolean cache) {
        return cache ? url(directory) : url(directory) + ";cache=false";
    }

    /**
     * Opens a connection (the caller closes it) after checking that the path exists; turns the
     * driver's connection errors (SQLState 08) into a {@link UserException} with the fix. Costly:
     * the first connection in a JVM initializes Calcite.
     */
    static Connection connect(Path repo) throws UserException, SQLException {
        return connect(repo, true);
    }

    /** Opens a connection as {@link #connect(Path)} does, without the row cache unless {@code cache}. */
    static Connection connect(Path repo, boolean cache) throws UserException, SQLException {
        Path directory = existingDirectory(repo);
        requireDriver();
        try {
            return DriverManager.getConnection(url(directory, cache));
        } catch (SQLException e) {
            if (SqlErrors.isConnectionError(e)) {
                throw new UserException(SqlErrors.message(e, false) + "\n" + HINT, e);
            }
            throw e;
        }
    }

    /** Fails with an internal error when the driver is not on the class path (a packaging bug). */
    static void requireDriver() {
        try {
            Class.forName(DRIVER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the GATOS JDBC driver " + DRIVER + " is not on the class path", e);
        }
    }

    /**
     * Tells whether a directory looks like a ledger written by {@code gatos generate}: a bare Git
     * repository (HEAD, objects/, refs/) holding at least one ref under refs/gatos/.
     */
    static boolean looksLikeGeneratedLedger(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("HEAD"))
                || !Files.isDirectory(dir.resolve("objects"))
                || !Files.isDirectory(dir.resolve("refs"))) {
            return false;
        }
        Path gatosRefs = dir.resolve("refs").resolve("gatos");
        if (Files.isDirectory(gatosRefs)) {
            try (Stream<Path> refs = Files.walk(gatosRefs)) {
                if (refs.anyMatch(Files::isRegularFile)) {
                    return true;
                }
            }
        }
        Path packed = dir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            try (Stream<String> lines = Files.lines(packed)) {
                return lines.anyMatch(line -> line.contains(" refs/gatos/"));
            }
        }
        return false;
    }
}
