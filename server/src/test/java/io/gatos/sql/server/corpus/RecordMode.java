package io.gatos.sql.server.corpus;

import java.util.Locale;

/**
 * Says which expected blocks a run rewrites from the reference way's outcomes (system property
 * {@code corpus.record}). A block is rewritten only when the outcome is of the kind the case's
 * header declares: recording never turns a failing {@code query} into an expected error, nor the
 * other way round. A {@code query known-wrong} block is never rewritten.
 */
public enum RecordMode {
    /** Rewrites nothing: every way is compared with the file (the default). */
    NONE,
    /** Writes the blocks of cases that have none ({@code corpus.record=new}, or {@code true}). */
    NEW,
    /** Rewrites every block ({@code corpus.record=all}), to follow an intended change of behaviour. */
    ALL;

    /**
     * Returns the mode a {@code corpus.record} value names; null or blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RecordMode of(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "none" -> NONE;
            case "new", "true" -> NEW;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("corpus.record must be new or all, not '" + value + "'");
        };
    }

    /** Tells whether this mode rewrites {@code c}'s block with {@code reference}, what the reference way gave. */
    public boolean rewrites(CorpusCase c, Outcome reference) {
        if (c.kind() == CorpusCase.Kind.KNOWN_WRONG) {
            return false; // its block is the right answer, written by hand
        }
        boolean kindAgrees = reference.failed() == (c.kind() == CorpusCase.Kind.ERROR);
        return switch (this) {
            case NONE -> false;
            case NEW -> kindAgrees && c.expected().isEmpty();
            case ALL -> kindAgrees;
        };
    }
}
