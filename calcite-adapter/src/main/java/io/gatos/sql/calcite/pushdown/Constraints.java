package io.gatos.sql.calcite.pushdown;

import io.gatos.sql.ledger.KeyRange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Holds the equality/IN restrictions a scan was given, by column name: the values each restricted
 * column may take. A column without an entry is unrestricted. Also carries a {@link KeyRange}, a
 * superset hint the scan may use to skip work (unlike the restrictions, it need not be exact).
 * Immutable once built.
 */
public final class Constraints {
    private static final Constraints NONE = new Constraints(Map.of(), KeyRange.ALL);
    private final Map<String, Set<String>> allowed;
    private final KeyRange range;

    private Constraints(Map<String, Set<String>> allowed, KeyRange range) {
        this.allowed = Map.copyOf(allowed);
        this.range = range;
    }

    /** Returns constraints restricting nothing. */
    public static Constraints none() {
        return NONE;
    }

    /** Returns the values {@code column} may take, or null when it is unrestricted. */
    public Set<String> values(String column) {
        return allowed.get(column);
    }

    /** Returns whether any column is restricted (the range hint does not count). */
    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    /** Returns the time and id range rows lie in ({@link KeyRange#ALL} when unknown); a hint, not exact. */
    public KeyRange range() {
        return range;
    }

    /** Returns these restrictions with the range hint {@code newRange} (null: {@link KeyRange#ALL}). */
    public Constraints withRange(KeyRange newRange) {
        KeyRange r = newRange == null ? KeyRange.ALL : newRange;
        return r.equals(range) ? this : new Constraints(allowed, r);
    }

    @Override
    public String toString() {
        return range.isAll() ? allowed.toString() : allowed + " " + range;
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
            return frozen.isEmpty() ? NONE : new Constraints(frozen, KeyRange.ALL);
        }
    }
}
