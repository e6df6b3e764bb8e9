package io.gatos.sql.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.BuiltInConnectionProperty;

/**
 * Decides which connection properties of a remote client reach the server-side driver. A client
 * may set display settings and turn the row cache off for its connection ({@link #ALLOWED}); its own transport settings, its
 * {@code timeZone} (how the client reads the wire; the server's time model is fixed) and credentials are
 * dropped (authentication happens on HTTP); every other key, such as {@code model}, {@code
 * schemaFactory}, {@code fun} or {@code repo}, is refused, because it would change what the server
 * reads. Keys are compared ignoring case, so {@code MODEL} is refused too.
 */
public final class ClientProperties {
    /** The properties a client may set, with the spelling the driver expects. */
    public static final Set<String> ALLOWED = Set.of("locale", "cache");

    private static final Set<String> DROPPED = dropped();

    private ClientProperties() {
    }

    /**
     * Returns the properties of {@code info} that may reach the driver, under their canonical names.
     *
     * @param info what the client sent; may be null
     * @throws RefusedException naming the first refused key, in sorted order
     */
    public static Properties filter(Map<String, String> info) {
        Properties allowed = new Properties();
        if (info == null) {
            return allowed;
        }
        for (String key : new TreeSet<>(info.keySet())) {
            String canonical = canonical(key);
            if (canonical != null) {
                allowed.setProperty(canonical, info.get(key));
            } else if (!DROPPED.contains(key.toLowerCase(Locale.ROOT))) {
                throw RefusedException.property(key);
            }
        }
        return allowed;
    }

    /** Returns the allowed properties of {@code props} (for example the server's own cache settings are not). */
    static Properties allowedOnly(Properties props) {
        Properties allowed = new Properties();
        props.stringPropertyNames().forEach(key -> {
            String canonical = canonical(key);
            if (canonical != null) {
                allowed.setProperty(canonical, props.getProperty(key));
            }
        });
        return allowed;
    }

    /** Returns the allowed keys, sorted and comma-separated, for messages and help. */
    public static String allowedList() {
        return ALLOWED.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String canonical(String key) {
        return ALLOWED.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst().orElse(null);
    }

    private static Set<String> dropped() {
        Set<String> keys = new TreeSet<>(Set.of("user", "password"));
        Arrays.stream(BuiltInConnectionProperty.values())
                .map(p -> p.camelName().toLowerCase(Locale.ROOT))
                .filter(k -> !k.equals("factory") && !k.equals("schema"))
                .forEach(keys::add);
        return Set.copyOf(keys);
    }
}
