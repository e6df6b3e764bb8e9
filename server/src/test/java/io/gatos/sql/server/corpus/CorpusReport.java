package io.gatos.sql.server.corpus;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the cases whose outcome differs from the expected block, per way of connecting, and
 * writes them as one report: for each case its {@code file:line}, the first line of its SQL, then
 * per way the expected and the actual block. Ways that agree on the same wrong outcome are listed
 * together. Not thread-safe.
 */
public final class CorpusReport {
    /**
     * Holds one wrong outcome.
     *
     * @param c      the case
     * @param way    the way of connecting that gave it
     * @param actual what it gave
     */
    public record Mismatch(CorpusCase c, String way, Outcome actual) {
        /** Checks the parts. */
        public Mismatch {
            requireNonNull(c, "c");
            requireNonNull(way, "way");
            requireNonNull(actual, "actual");
        }
    }

    private final List<Mismatch> mismatches = new ArrayList<>();
    private final java.util.Set<String> stillWrong = new java.util.TreeSet<>();
    private int cases;

    /** Counts one case run in every way. */
    public void countCase() {
        cases++;
    }

    /** Records that {@code way} gave {@code actual} for {@code c}, unless it is what {@code c} expects. */
    public void check(CorpusCase c, String way, Outcome actual) {
        if (!actual.matches(c)) {
            mismatches.add(new Mismatch(c, way, actual));
        }
    }

    /**
     * Checks a {@code query known-wrong} case: {@code actual}, what {@code way} gave, must equal
     * {@code reference}, what the reference way gave; and the reference must still differ from the
     * block (the right answer), else the case is reported as fixed.
     */
    public void checkKnownWrong(CorpusCase c, String way, Outcome actual, Outcome reference) {
        if (reference.matches(c)) {
            if (actual == reference) {
                mismatches.add(new Mismatch(c, way, actual));
            }
        } else if (!actual.equals(reference)) {
            mismatches.add(new Mismatch(c, way, actual));
        } else {
            stillWrong.add(c.where());
        }
    }

    /** Returns the known-wrong cases whose every way still gives the same wrong answer. */
    public java.util.Set<String> stillWrong() {
        return java.util.Collections.unmodifiableSet(stillWrong);
    }

    /** Returns the wrong outcomes, in the order they were found. */
    public List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Returns the one-line summary: cases run, wrong outcomes and the cases they touch. */
    public String summary() {
        long failing = mismatches.stream().map(m -> m.c().where()).distinct().count();
        return cases + " cases, " + mismatches.size() + " wrong outcomes in " + failing + " cases"
                + (stillWrong.isEmpty() ? "" : "; " + stillWrong.size() + " known-wrong cases still wrong, alike in"
                        + " every way: " + String.join(", ", stillWrong));
    }

    /** Returns the whole report, or only the summary when every outcome was right. */
    public String render() {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        Map<String, List<Mismatch>> byCase = new LinkedHashMap<>();
        mismatches.forEach(m -> byCase.computeIfAbsent(m.c().where(), k -> new ArrayList<>()).add(m));
        byCase.forEach((where, list) -> {
            CorpusCase c = list.get(0).c();
            out.append("\n=== ").append(where).append(" (").append(c.kind().header()).append(") ")
                    .append(c.sql().lines().findFirst().orElse("")).append('\n');
            if (c.kind() == CorpusCase.Kind.KNOWN_WRONG && list.get(0).actual().matches(c)) {
                out.append("now gives its expected block: change the header to 'query'\n");
                return;
            }
            out.append("--- expected").append(c.kind() == CorpusCase.Kind.KNOWN_WRONG
                    ? " (known wrong: every way must give what the reference way gives; the right answer is)" : "")
                    .append('\n').append(c.expected().isEmpty() ? "(nothing recorded: run with"
                    + " -Dcorpus.record=new)" : (c.kind() == CorpusCase.Kind.ERROR ? "error:\n" : "rows:\n")
                    + String.join("\n", c.expected())).append('\n');
            Map<String, List<String>> waysByActual = new TreeMap<>();
            list.forEach(m -> waysByActual.computeIfAbsent(m.actual().describe(), k -> new ArrayList<>()).add(m.way()));
            waysByActual.forEach((actual, ways) ->
                    out.append("--- actual, ").append(String.join(", ", ways)).append('\n').append(actual).append('\n'));
        });
        return out.toString();
    }
}
