package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one consumer checkpoint (TABLES.md, consumers): the checkpointed ULID and commit (nullable),
 * the newest ULID on the topic (nullable), the lag, and the checkpoint commit time (null for the
 * blob form).
 */
public record ConsumerCheckpoint(String groupName, String topic, String ulid, String commitId, String headUlid,
        long lag, Long updatedMillis, String ref) {
    /** Checks the non-null columns. */
    public ConsumerCheckpoint {
        requireNonNull(groupName, "groupName");
        requireNonNull(topic, "topic");
        requireNonNull(ref, "ref");
    }
}
