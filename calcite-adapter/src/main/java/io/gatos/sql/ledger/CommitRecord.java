package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.git.GitCommit;

/**
 * Holds one commit reachable from refs/gatos/ (TABLES.md, commits); {@code parentId} is null for a
 * root commit.
 */
public record CommitRecord(String id, String parentId, int parentCount, String author, String committer,
        long tsMillis, String message, String trailers, String shapeRoot, String plane, String ref) {
    /** Checks the non-null columns. */
    public CommitRecord {
        requireNonNull(id, "id");
        requireNonNull(author, "author");
        requireNonNull(committer, "committer");
        requireNonNull(message, "message");
        requireNonNull(trailers, "trailers");
        requireNonNull(shapeRoot, "shapeRoot");
        requireNonNull(plane, "plane");
        requireNonNull(ref, "ref");
    }

    public static CommitRecord of(GitCommit c, String ref) {
        return new CommitRecord(c.id(), c.firstParent(), c.parents().size(), c.author(), c.committer(),
                c.committerMillis(), c.message(), c.trailers().toJson(), c.tree(), Plane.of(ref).sqlName(), ref);
    }
}
