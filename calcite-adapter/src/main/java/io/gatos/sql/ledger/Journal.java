package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.layout.Plane;

/**
 * Names one journal (LAYOUT §1): the ref {@code refs/gatos/journal/<ns>/<actor>}, its namespace and
 * its actor segment. A value; costs nothing to build.
 *
 * @param ref the full ref name
 * @param ns the namespace segment
 * @param actor the actor segment
 */
public record Journal(String ref, String ns, String actor) {
    /** Checks that no part is null. */
    public Journal {
        requireNonNull(ref, "ref");
        requireNonNull(ns, "ns");
        requireNonNull(actor, "actor");
    }

    /** Returns the journal {@code ref} names, or null when it is not a journal ref of exactly two segments. */
    public static Journal ofRef(String ref) {
        String prefix = Plane.JOURNAL.prefix();
        if (!ref.startsWith(prefix)) {
            return null;
        }
        String[] segments = ref.substring(prefix.length()).split("/");
        return segments.length == 2 ? new Journal(ref, segments[0], segments[1]) : null;
    }

    /** Returns the stream name the catalog shows: {@code <ns>/<actor>}. */
    public String stream() {
        return ns + "/" + actor;
    }
}
