package io.gatos.sql.calcite.dialect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the text of a PostgreSQL interval string such as {@code '7 days'}: a signed integer count
 * and one unit (year, month, week, day, hour, minute or second, singular or plural, any letter
 * case) become the count and unit of the standard {@code INTERVAL '7' DAY}. For any other text it
 * words what to write instead. Pure; no Calcite types.
 */
final class PostgresInterval {
    /** The units PostgreSQL spells out, largest first; the names are Calcite's unit keywords. */
    enum Unit {
        YEAR(12), MONTH(1), WEEK(7 * 86_400), DAY(86_400), HOUR(3_600), MINUTE(60), SECOND(1);

        /** Months (YEAR, MONTH) or seconds (the rest) in one of this unit. */
        final long size;

        Unit(long size) {
            this.size = size;
        }

        boolean yearMonth() {
            return this == YEAR || this == MONTH;
        }
    }

    /** A count with its sign, such as {@code -3}, and its unit. */
    record Single(String count, Unit unit) {
    }

    private static final Pattern SINGLE = Pattern.compile("\\s*([+-]?\\d{1,18})\\s*([a-z]+)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("\\s*,?\\s*([+-]?\\d{1,15})\\s*([a-z]+)",
            Pattern.CASE_INSENSITIVE);

    private PostgresInterval() {
    }

    /** Returns the count and unit of {@code text} when it is one signed integer and one unit. */
    static Optional<Single> single(String text) {
        Matcher m = SINGLE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String count = m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1);
        return unit(m.group(2)).map(u -> new Single(count, u));
    }

    /**
     * Returns what to write instead of {@code INTERVAL <quoted>} (the string as typed, quotes
     * included) when its text is not a single count and unit: the standard range form and the
     * total in the smallest unit for {@code '1 day 2 hours'}, else a general hint.
     */
    static String advice(String quoted, String text) {
        String head = "INTERVAL " + quoted + " needs ";
        try {
            Optional<Map<Unit, Long>> parts = parts(text);
            if (parts.isPresent()) {
                return head + "its unit after the quotes: write " + forParts(parts.get());
            }
        } catch (ArithmeticException tooLarge) {
            // fall through to the general hint
        }
        return (head + "a unit after the quotes: write INTERVAL '7' DAY, INTERVAL '7 days' "
                        + "(one whole count and one unit) or INTERVAL '1 2' DAY TO HOUR");
    }

    private static String forParts(Map<Unit, Long> parts) {
        boolean yearMonth = parts.keySet().stream().allMatch(Unit::yearMonth);
        boolean dayTime = parts.keySet().stream().noneMatch(Unit::yearMonth);
        if (!yearMonth && !dayTime) {
            return parts.entrySet().stream().map(e -> literal(e.getValue(), e.getKey().name()))
                    .collect(Collectors.joining(" + "));
        }
        Map<Unit, Long> merged = new EnumMap<>(parts);
        Long weeks = merged.remove(Unit.WEEK);
        if (weeks != null) {
            merged.merge(Unit.DAY, Math.multiplyExact(weeks, 7), Math::addExact);
        }
        List<Unit> units = new ArrayList<>(merged.keySet());
        Unit largest = units.get(0);
        Unit smallest = units.get(units.size() - 1);
        long total = 0;
        for (Map.Entry<Unit, Long> e : merged.entrySet()) {
            total = Math.addExact(total, Math.multiplyExact(e.getValue(), e.getKey().size / smallest.size));
        }
        String totalForm = literal(total, smallest.name());
        if (largest == smallest) {
            return totalForm;
        }
        boolean negative = merged.values().stream().allMatch(v -> v <= 0);
        boolean positive = merged.values().stream().allMatch(v -> v >= 0);
        if (!negative && !positive) {
            return totalForm;
        }
        return "INTERVAL '" + (negative ? "-" : "") + range(merged, largest, smallest) + "' " + largest.name()
                + " TO " + smallest.name() + " or " + totalForm;
    }

    /** Formats the values from {@code largest} to {@code smallest} as Calcite reads a range. */
    private static String range(Map<Unit, Long> values, Unit largest, Unit smallest) {
        StringBuilder out = new StringBuilder();
        for (Unit u : Unit.values()) {
            if (u == Unit.WEEK || u.ordinal() < largest.ordinal() || u.ordinal() > smallest.ordinal()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(u == Unit.MONTH ? "-" : u == Unit.HOUR ? " " : ":");
            }
            out.append(Math.abs(values.getOrDefault(u, 0L)));
        }
        return out.toString();
    }

    private static String literal(long count, String unit) {
        return "INTERVAL '" + count + "' " + unit;
    }

    /** Reads {@code '1 day 2 hours'} as counts by unit, largest unit first; empty unless every part reads. */
    private static Optional<Map<Unit, Long>> parts(String text) {
        Matcher m = PART.matcher(text);
        Map<Unit, Long> parts = new EnumMap<>(Unit.class);
        int end = 0;
        while (m.lookingAt()) {
            Optional<Unit> unit = unit(m.group(2));
            if (unit.isEmpty() || parts.put(unit.get(), Long.parseLong(m.group(1))) != null) {
                return Optional.empty();
            }
            end = m.end();
            m.region(end, text.length());
        }
        return end > 0 && text.substring(end).isBlank() ? Optional.of(parts) : Optional.empty();
    }

    private static Optional<Unit> unit(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        String singular = w.endsWith("S") ? w.substring(0, w.length() - 1) : w;
        for (Unit u : Unit.values()) {
            if (u.name().equals(w) || u.name().equals(singular)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
