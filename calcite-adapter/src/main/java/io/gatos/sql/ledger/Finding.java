package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Records one thing a reader could not take at face value: where it is (ref, commit and path, each
 * nullable) and what is wrong, for a person.
 */
public record Finding(String ref, String commitId, String path, FindingCode code, String message) {
    /** Checks the code and message are present. */
    public Finding {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }
}
