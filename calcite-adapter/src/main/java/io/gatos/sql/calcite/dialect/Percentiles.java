package io.gatos.sql.calcite.dialect;

import java.util.Arrays;

/**
 * Computes PostgreSQL's {@code percentile_cont} and {@code percentile_disc} (and so {@code median})
 * of numbers, as Calcite user-defined aggregates: {@code init}, {@code add}, {@code result}, found by
 * reflection ({@link org.apache.calcite.schema.impl.AggregateFunctionImpl}). NULL values are
 * ignored, and no value gives NULL. Holds every value of a group in memory (8 bytes each) and sorts
 * them once. Public because Calcite's generated code calls it.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Collects the values of one group with the fraction and direction of the call. Not thread-safe. */
    public static final class Values {
        private double[] values = new double[16];
        private int size;
        private double fraction = Double.NaN;
        private boolean descending;

        void add(double value, double newFraction, boolean newDescending) {
            if (newFraction < 0 || newFraction > 1 || Double.isNaN(newFraction)) {
                throw new IllegalArgumentException(
                        "the fraction of a percentile must be between 0 and 1, not " + newFraction);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            fraction = newFraction;
            descending = newDescending;
        }

        /** Returns the values sorted as the call's ORDER BY asks. */
        double[] sorted() {
            double[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            if (descending) {
                for (int i = 0, j = out.length - 1; i < j; i++, j--) {
                    double t = out[i];
                    out[i] = out[j];
                    out[j] = t;
                }
            }
            return out;
        }
    }

    /** Interpolates between the two values around the fraction's position ({@code percentile_cont}). */
    public static final class Cont {
        /** Starts a group. */
        public Values init() {
            return new Values();
        }

        /** Adds {@code value} to {@code acc} (Calcite skips rows whose value is NULL). */
        public Values add(Values acc, Number value, Number fraction, boolean descending) {
            acc.add(value.doubleValue(), fraction.doubleValue(), descending);
            return acc;
        }

        /** Returns the percentile, or null for a group without values. */
        public Double result(Values acc) {
            return acc.size == 0 ? null : continuous(acc.sorted(), acc.fraction);
        }
    }

    /** Takes the first value whose position reaches the fraction ({@code percentile_disc}). */
    public static final class Disc {
        /** Starts a group. */
        public Values init() {
            return new Values();
        }

        /** Adds {@code value} to {@code acc} (Calcite skips rows whose value is NULL). */
        public Values add(Values acc, Number value, Number fraction, boolean descending) {
            acc.add(value.doubleValue(), fraction.doubleValue(), descending);
            return acc;
        }

        /** Returns the percentile, or null for a group without values. */
        public Double result(Values acc) {
            return acc.size == 0 ? null : discrete(acc.sorted(), acc.fraction);
        }
    }

    /** Returns the value at position {@code fraction * (n - 1)} of {@code sorted}, interpolated. */
    static double continuous(double[] sorted, double fraction) {
        double at = fraction * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = (int) Math.ceil(at);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** Returns the first value of {@code sorted} whose cumulative share is at least {@code fraction}. */
    static double discrete(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
