package io.gatos.sql.materialize.files;

import java.util.Locale;

/**
 * Counts what a conversion did.
 *
 * @param written inputs converted (with a dry run: inputs that would be)
 * @param skipped inputs whose outputs already existed and were newer
 * @param failed inputs missing, unreadable, corrupt or not matching the declaration
 * @param bytesIn total size of the converted inputs
 * @param bytesOut total size of the Parquet files written (0 for a dry run)
 * @param dryRun whether nothing was written
 */
public record ConvertSummary(int written, int skipped, int failed, long bytesIn, long bytesOut, boolean dryRun) {
    /** Returns the size reduction in percent ({@code 100 * (1 - out / in)}), 0 when nothing was read. */
    public static double reduction(long in, long out) {
        return in == 0 ? 0 : 100.0 * (1.0 - (double) out / in);
    }

    /** Renders {@code in → out} as a reduction in percent, or as a growth factor for tiny inputs. */
    public static String change(long in, long out) {
        return out <= in || in == 0 ? String.format(Locale.ROOT, "%.1f%% reduction", reduction(in, out))
                : String.format(Locale.ROOT, "%.1fx larger", (double) out / in);
    }

    /** Renders the final summary line. */
    public String line() {
        if (dryRun) {
            return String.format(Locale.ROOT, "DRY RUN - no files written: %d to write, %d skipped, %d failed, %,d"
                    + " bytes to read", written, skipped, failed, bytesIn);
        }
        return String.format(Locale.ROOT, "convert: %d written, %d skipped, %d failed; %,d → %,d bytes (%s)",
                written, skipped, failed, bytesIn, bytesOut, change(bytesIn, bytesOut));
    }

    /** Accumulates the counts of a run. */
    static final class Builder {
        private int written;
        private int skipped;
        private int failed;
        private long bytesIn;
        private long bytesOut;

        void written(long in, long out) {
            written++;
            bytesIn += in;
            bytesOut += out;
        }

        void skipped() {
            skipped++;
        }

        void failed() {
            failed++;
        }

        ConvertSummary build(boolean dryRun) {
            return new ConvertSummary(written, skipped, failed, bytesIn, bytesOut, dryRun);
        }
    }
}
