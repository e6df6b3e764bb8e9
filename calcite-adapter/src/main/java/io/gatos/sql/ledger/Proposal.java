package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one governance proposal (TABLES.md, governance_proposals; LAYOUT §7): the trailers of its
 * ref's head commit (each nullable), its derived {@code state} (proposal, partial, granted, expired
 * or revoked) and {@code approvals} (distinct signers of unexpired approvals), the body as compact
 * sorted JSON ({@code payload}, nullable) and the commit and its committer time. {@code id} is the
 * {@code Proposal-Id} trailer, or the commit id when that is missing. Immutable; no resources.
 */
public record Proposal(String id, String action, String target, String requiredQuorum, String expireAt,
        String policyRule, String createdBy, String state, long approvals, String payload, String commitId,
        long tsMillis) {

    /** Checks the non-null columns. */
    public Proposal {
        requireNonNull(id, "id");
        requireNonNull(state, "state");
        requireNonNull(commitId, "commitId");
    }
}
