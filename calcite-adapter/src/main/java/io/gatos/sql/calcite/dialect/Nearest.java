package io.gatos.sql.calcite.dialect;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the candidate nearest to a misspelled word, for "did you mean ...?" hints: keywords,
 * tables, columns, functions. Compares case-insensitively by optimal string alignment distance
 * (insertions, deletions, substitutions and swaps of two adjacent letters each count 1) and accepts
 * at most 1 edit for words of up to 4 letters, 2 up to 7 letters and 3 beyond. Pure and
 * thread-safe; costs O(length²) per candidate.
 */
public final class Nearest {
    private Nearest() {
    }

    /**
     * Returns the candidate nearest to {@code input} within the distance bound, spelled as the
     * candidate is; on a tie, the earliest in iteration order. An exact match (in any letter case)
     * is the nearest. Empty when no candidate is close enough or {@code input} is blank.
     */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(candidates, "candidates");
        String word = input.strip().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        int bound = bound(word.length());
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null || Math.abs(candidate.length() - word.length()) > bound) {
                continue;
            }
            int d = distance(word, candidate.toLowerCase(Locale.ROOT));
            if (d <= bound && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns how many edits a word of {@code length} letters may be away from a suggestion. */
    static int bound(int length) {
        if (length <= 4) {
            return 1;
        }
        return length <= 7 ? 2 : 3;
    }

    /** Returns the optimal string alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
