package io.gatos.sql.catalog;

/**
 * Names how an export keeps a catalog table current: by adding the rows of new commits, or by
 * rewriting the table from the whole snapshot.
 */
public enum RefreshKind {
    /** Rows come from single commits and never change once written: runs read only new commits. */
    APPEND_ONLY,
    /** Rows are derived from the whole snapshot: runs rewrite the table when a ref it depends on moved. */
    REWRITTEN;

    /** Returns the name catalog.json spells it with: {@code append-only} or {@code rewritten}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Returns the kind catalog.json names {@code name}, failing for any other name. */
    static RefreshKind ofJson(String name) {
        for (RefreshKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalStateException("catalog: unknown refresh kind '" + name + "' (append-only or rewritten)");
    }
}
