package io.gatos.sql.calcite.dialect;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * Says what to write instead of subtracting two datetimes ({@code MAX(ts) - MIN(ts)}), which
 * Calcite refuses ("Cannot apply '-' to arguments of type '&lt;TIMESTAMP(3)&gt; -
 * &lt;TIMESTAMP(3)&gt;'"): {@code TIMESTAMPDIFF} for a number, or Calcite's
 * {@code (a - b) DAY TO SECOND(3)} for an interval. Pure.
 */
final class DatetimeDifference {
    private DatetimeDifference() {
    }

    /** The kinds of datetime a difference can be asked of. */
    private enum Family {
        DATE("dates", "DAY", "days", "DAY"),
        TIME("times", "SECOND", "seconds", "HOUR TO SECOND(3)"),
        TIMESTAMP("timestamps", "SECOND", "seconds", "DAY TO SECOND(3)");

        final String plural;
        final String unit;
        final String units;
        final String qualifier;

        Family(String plural, String unit, String units, String qualifier) {
            this.plural = plural;
            this.unit = unit;
            this.units = units;
            this.qualifier = qualifier;
        }
    }

    /**
     * Returns what to write for {@code minuend - subtrahend}, given the types Calcite names
     * ({@code TIMESTAMP(3)}, {@code DATE}, {@code TIME(0)}...) and the operands as the statement
     * spells them, or {@code start}/{@code end} when they are not known. A DATE subtracted from a
     * TIMESTAMP, or the other way round, is cast to TIMESTAMP first. Empty for other types.
     *
     * @param minuend the text of the left operand, or null when not known
     * @param subtrahend the text of the right operand, or null when not known
     */
    static Optional<String> advice(String minuendType, String subtrahendType, String minuend, String subtrahend) {
        Optional<Family> left = family(requireNonNull(minuendType, "minuendType"));
        Optional<Family> right = family(requireNonNull(subtrahendType, "subtrahendType"));
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        String a = minuend == null || subtrahend == null ? "end" : minuend;
        String b = minuend == null || subtrahend == null ? "start" : subtrahend;
        Family family = left.get();
        if (left.get() != right.get()) {
            if (left.get() == Family.TIME || right.get() == Family.TIME) {
                return Optional.empty();
            }
            family = Family.TIMESTAMP;
            a = left.get() == Family.DATE ? "CAST(" + a + " AS TIMESTAMP)" : a;
            b = right.get() == Family.DATE ? "CAST(" + b + " AS TIMESTAMP)" : b;
        }
        return Optional.of(String.format(Locale.ROOT, "to subtract %s write TIMESTAMPDIFF(%s, %s, %s) for the "
                + "number of %s, or (%s - %s) %s for an interval", family.plural, family.unit, b, a, family.units, a,
                b, family.qualifier));
    }

    private static Optional<Family> family(String type) {
        String t = type.strip().toUpperCase(Locale.ROOT);
        if (t.equals("DATE")) {
            return Optional.of(Family.DATE);
        }
        if (t.startsWith("TIMESTAMP")) {
            return Optional.of(Family.TIMESTAMP);
        }
        if (t.equals("TIME") || t.startsWith("TIME(")) {
            return Optional.of(Family.TIME);
        }
        return Optional.empty();
    }
}
