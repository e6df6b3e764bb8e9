package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one governance revocation (TABLES.md, governance_revocations; LAYOUT §7): the trailers of
 * its ref's head commit (each nullable), the body as compact sorted JSON ({@code payload},
 * nullable), the commit and its committer time. {@code id} is the {@code Revocation-Id} trailer, or
 * the commit id when that is missing. Immutable; holds no resources.
 */
public record Revocation(String id, String grantId, String reason, String revokedBy, String payload, String commitId,
        long tsMillis) {

    /** Checks the non-null columns. */
    public Revocation {
        requireNonNull(id, "id");
        requireNonNull(commitId, "commitId");
    }
}
