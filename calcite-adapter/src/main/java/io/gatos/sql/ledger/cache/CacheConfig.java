package io.gatos.sql.ledger.cache;

import java.util.Locale;
import java.util.Properties;

/**
 * Holds the row cache settings of a connection: whether it is used ({@code cache}, default true)
 * and how many bytes its files may take ({@code cache.max-bytes}, default 2 GiB).
 */
public record CacheConfig(boolean enabled, long maxBytes) {
    /** Connection property turning the cache on or off. */
    public static final String ENABLED = "cache";
    /** Connection property bounding the cache size, in bytes (suffixes k, m, g: binary multiples). */
    public static final String MAX_BYTES = "cache.max-bytes";
    /** The default: enabled, 2 GiB. */
    public static final CacheConfig DEFAULT = new CacheConfig(true, 2L << 30);
    /** A disabled cache. */
    public static final CacheConfig OFF = new CacheConfig(false, 0);

    /** Checks the bound. */
    public CacheConfig {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache.max-bytes must not be negative");
        }
    }

    /**
     * Reads the settings from connection properties; missing ones take the defaults.
     *
     * @throws IllegalArgumentException naming the property and the accepted values when one is malformed
     */
    public static CacheConfig from(Properties props) {
        String enabled = props.getProperty(ENABLED);
        boolean on = true;
        if (enabled != null) {
            switch (enabled.trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1" -> on = true;
                case "false", "off", "no", "0" -> on = false;
                default -> throw new IllegalArgumentException("connection property cache='" + enabled
                        + "' is not a boolean: use cache=true or cache=false");
            }
        }
        String max = props.getProperty(MAX_BYTES);
        return new CacheConfig(on, max == null ? DEFAULT.maxBytes() : parseBytes(max));
    }

    /** Parses {@code 1048576}, {@code 512m}, {@code 2g} and the like. */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("connection property cache.max-bytes='" + text
                    + "' is not a size: use a byte count such as 1073741824, 512m or 2g", e);
        }
    }
}
