package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one job (TABLES.md, jobs; LAYOUT §6). {@code id} is {@code blake3:<hex>}; {@code status} is
 * pending, claimed, running, succeeded, failed or aborted; times are epoch milliseconds.
 * {@code workerId}, {@code startedMillis}, {@code finishedMillis}, {@code proofDigest},
 * {@code manifest} (compact sorted JSON) and {@code resultCommitId} are nullable; the rest are
 * non-null. Immutable; holds no resources.
 */
public record Job(String id, String status, String workerId, long createdMillis, Long startedMillis,
        Long finishedMillis, String proofDigest, String manifest, String commitId, String resultCommitId) {

    /** Checks the non-null columns. */
    public Job {
        requireNonNull(id, "id");
        requireNonNull(status, "status");
        requireNonNull(commitId, "commitId");
    }
}
