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

    /** Returns the wrong outcomes, in the order they were found. */
    public List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Returns the one-line summary: cases run, wrong outcomes and the cases they touch. */
    public String summary() {
        long failing = mismatches.stream().map(m -> m.c().where()).distinct().count();
        return cases + " cases, " + mismatches.size() + " wrong outcomes in " + failing + " cases";
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
            out.append("--- expected\n").append(c.expected().isEmpty() ? "(nothing recorded: run with"
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
