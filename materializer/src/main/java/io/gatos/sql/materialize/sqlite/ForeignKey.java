package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Declares that {@code table.column} holds values of {@code refTable.refColumn} (a key of that table). */
record ForeignKey(String table, String column, String refTable, String refColumn) {
    /** Every reference between catalog tables, declared once; an export keeps those both of whose ends it holds. */
    static final List<ForeignKey> DECLARED = List.of(
            of("events.commit_id", "commits.id"),
            of("shiplog.commit_id", "commits.id"),
            of("state_checkpoints.state_ref", "commits.id"),
            of("state_nodes.state_ref", "state_checkpoints.state_ref"),
            of("pointers.commit_id", "commits.id"),
            of("pointers.state_ref", "state_checkpoints.state_ref"),
            of("jobs.commit_id", "commits.id"),
            of("jobs.result_commit_id", "commits.id"),
            of("governance_proposals.commit_id", "commits.id"),
            of("governance_approvals.commit_id", "commits.id"),
            of("governance_grants.commit_id", "commits.id"),
            of("governance_revocations.commit_id", "commits.id"),
            of("governance_approvals.proposal_id", "governance_proposals.id"),
            of("governance_grants.proposal_id", "governance_proposals.id"),
            of("governance_revocations.grant_id", "governance_grants.id"));

    /** Checks every name is present. */
    ForeignKey {
        requireNonNull(table, "table");
        requireNonNull(column, "column");
        requireNonNull(refTable, "refTable");
        requireNonNull(refColumn, "refColumn");
    }

    private static ForeignKey of(String from, String to) {
        String[] f = from.split("\\.");
        String[] t = to.split("\\.");
        return new ForeignKey(f[0], f[1], t[0], t[1]);
    }

    /** Returns the column clause {@code REFERENCES "t"("c")}, checked when the export's transaction commits. */
    String clause() {
        return "REFERENCES " + SqliteTypes.quote(refTable) + "(" + SqliteTypes.quote(refColumn)
                + ") DEFERRABLE INITIALLY DEFERRED";
    }
}
