package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one governance approval (TABLES.md, governance_approvals; LAYOUT §7): the trailers of its
 * ref's head commit (each nullable), the body as compact sorted JSON ({@code payload}, nullable),
 * the commit and its committer time. {@code id} is the {@code Approval-Id} trailer, or the commit
 * id when that is missing. Immutable; holds no resources.
 */
public record Approval(String id, String proposalId, String signer, String expiresAt, String payload, String commitId,
        long tsMillis) {

    /** Checks the non-null columns. */
    public Approval {
        requireNonNull(id, "id");
        requireNonNull(commitId, "commitId");
    }
}
