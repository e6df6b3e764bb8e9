package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Formats commit messages as a subject line, a blank line and {@code Key: value} trailer lines
 * (git's trailer block), and builds ordered trailer maps. Stateless.
 */
public final class CommitMessage {
    private CommitMessage() {
    }

    /**
     * Returns {@code subject + "\n\n" + "Key: value\n"...}, or {@code subject + "\n"} when there are
     * no trailers. Entries with a null value are skipped; iteration order is kept.
     */
    public static String of(String subject, Map<String, String> trailers) {
        requireNonNull(subject, "subject");
        StringBuilder out = new StringBuilder(subject).append('\n');
        boolean first = true;
        for (Map.Entry<String, String> e : trailers.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (first) {
                out.append('\n');
                first = false;
            }
            out.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return out.toString();
    }

    /**
     * Returns an unmodifiable map of alternating keys and values, in the given order (a later
     * repeat of a key replaces the earlier value but keeps its place).
     */
    public static Map<String, String> trailers(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of arguments: keys and values must pair up");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(requireNonNull(keysAndValues[i], "key"), keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
