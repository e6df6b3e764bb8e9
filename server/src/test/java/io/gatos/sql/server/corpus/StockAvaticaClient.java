package io.gatos.sql.server.corpus;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Loads Avatica's remote driver from the stock shaded client jar, as users download it, in a class
 * loader of its own whose parent is the platform class loader: nothing of the test class path (the
 * unshaded Avatica of the server, Jackson, protobuf) can stand in for what the jar lacks. Close it
 * to release the jars after every connection it made is closed.
 */
public final class StockAvaticaClient implements AutoCloseable {
    /** The remote driver's class in the shaded jar. */
    public static final String DRIVER = "org.apache.calcite.avatica.remote.Driver";
    /** The jars the pom copies into the clients directory: the shaded client and the slf4j API it calls. */
    public static final List<String> JARS = List.of("avatica.jar", "slf4j-api.jar");

    private final URLClassLoader loader;
    private final Driver driver;

    private StockAvaticaClient(URLClassLoader loader, Driver driver) {
        this.loader = loader;
        this.driver = driver;
    }

    /**
     * Loads the driver from the jars in {@code clientsDir}.
     *
     * @throws IllegalStateException naming the missing jar (the pom copies them in pre-integration-test,
     *     so run the test through {@code mvn verify})
     */
    public static StockAvaticaClient load(Path clientsDir) {
        requireNonNull(clientsDir, "clientsDir");
        List<URL> urls = new ArrayList<>();
        for (String name : JARS) {
            Path jar = clientsDir.resolve(name);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing client jar " + jar.toAbsolutePath()
                        + ": the server pom copies it in pre-integration-test; run through mvn verify");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot name " + jar + " as a URL", e);
            }
        }
        URLClassLoader loader = new URLClassLoader("stock-avatica", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        try {
            Driver driver = (Driver) Class.forName(DRIVER, true, loader).getDeclaredConstructor().newInstance();
            return new StockAvaticaClient(loader, driver);
        } catch (ReflectiveOperationException | LinkageError e) {
            close(loader);
            throw new IllegalStateException("cannot load " + DRIVER + " from " + urls, e);
        }
    }

    /** Returns the loaded driver; its classes come from the stock jars only. */
    public Driver driver() {
        return driver;
    }

    /** Connects to {@code url} with {@code info} sent as the client's connection properties. */
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = driver.connect(url, info);
        if (c == null) {
            throw new SQLException("the stock Avatica driver does not accept " + url);
        }
        return c;
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
