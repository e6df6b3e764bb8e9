package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Declares an index on {@code columns} of {@code table}, for the lookups and joins exports serve most. */
record SqliteIndex(String table, List<String> columns) {
    /** Every index an export may create, declared once; an export keeps those whose columns it holds. */
    static final List<SqliteIndex> DECLARED = List.of(
            of("commits", "plane", "ts"),
            of("events", "ns", "ts"),
            of("events", "kind"),
            of("events", "stream", "pos"),
            of("events", "commit_id"),
            of("shiplog", "topic", "pos"),
            of("shiplog", "ulid"),
            of("state_checkpoints", "ns", "ts"),
            of("state_nodes", "state_ref"),
            of("pointers", "commit_id"),
            of("pointers", "state_ref"),
            of("jobs", "status"),
            of("governance_approvals", "proposal_id"),
            of("governance_grants", "proposal_id"),
            of("governance_revocations", "grant_id"),
            of("findings", "code"));

    /** Checks the names are present and copies the columns. */
    SqliteIndex {
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    private static SqliteIndex of(String table, String... columns) {
        return new SqliteIndex(table, List.of(columns));
    }

    /** Returns the index name, {@code idx_<table>_<columns joined by _>}. */
    String name() {
        return "idx_" + table + "_" + String.join("_", columns);
    }

    /** Returns the {@code CREATE INDEX IF NOT EXISTS} statement. */
    String create() {
        return "CREATE INDEX IF NOT EXISTS " + SqliteTypes.quote(name()) + " ON " + SqliteTypes.quote(table) + " ("
                + SqliteTypes.quoteAll(columns) + ")";
    }
}
