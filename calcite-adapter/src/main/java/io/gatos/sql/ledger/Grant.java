package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one governance grant (TABLES.md, governance_grants; LAYOUT §7): the trailers of its ref's
 * head commit (each nullable), the body as compact sorted JSON ({@code payload}, nullable), the
 * commit and its committer time. {@code id} is the {@code Grant-Id} trailer, or the commit id when
 * that is missing. Immutable; holds no resources.
 */
public record Grant(String id, String proposalId, String proofOfConsensus, String payload, String commitId,
        long tsMillis) {

    /** Checks the non-null columns. */
    public Grant {
        requireNonNull(id, "id");
        requireNonNull(commitId, "commitId");
    }
}
