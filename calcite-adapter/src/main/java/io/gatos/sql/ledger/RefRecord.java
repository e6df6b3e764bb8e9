package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/** Holds one ref under refs/gatos/ (TABLES.md, refs): its name, target id, target type and plane. */
public record RefRecord(String name, String target, String targetType, String plane) {
    /** Checks every column is present. */
    public RefRecord {
        requireNonNull(name, "name");
        requireNonNull(target, "target");
        requireNonNull(targetType, "targetType");
        requireNonNull(plane, "plane");
    }
}
