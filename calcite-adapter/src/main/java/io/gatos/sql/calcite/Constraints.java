package io.gatos.sql.calcite;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Holds the equality/IN restrictions a scan was given, by column name: the values each restricted
 * column may take. A column without an entry is unrestricted. Immutable once built.
 */
public final class Constraints {
    private static final Constraints NONE = new Constraints(Map.of());
    private final Map<String, Set<String>> allowed;

    private Constraints(Map<String, Set<String>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** Returns constraints restricting nothing. */
    public static Constraints none() {
        return NONE;
    }

    /** Returns the values {@code column} may take, or null when it is unrestricted. */
    public Set<String> values(String column) {
        return allowed.get(column);
    }

    /** Returns whether any column is restricted. */
    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    @Override
    public String toString() {
        return allowed.toString();
    }

    /** Accumulates restrictions; a column restricted twice keeps the intersection. */
    static final class Builder {
        private final Map<String, Set<String>> allowed = new HashMap<>();

        void restrict(String column, Set<String> values) {
            allowed.merge(column, new HashSet<>(values), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }

        Constraints build() {
            Map<String, Set<String>> frozen = new HashMap<>();
            allowed.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
            return frozen.isEmpty() ? NONE : new Constraints(frozen);
        }
    }
}
