package io.gatos.sql.materialize.files;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Configures one {@code gatos materialize --convert}: every input file (or every matching file of an
 * input directory) becomes {@code OUT/<dataset>/year=YYYY/month=MM/<dataset>_YYYYMMDD.parquet}.
 *
 * @param schema the declared datasets
 * @param inputs files and directories to convert; a missing one is reported as a failed input
 * @param out the root directory of the datasets
 * @param dryRun read and check every input, print what would be written, write nothing
 * @param info receives one line per input written, skipped or (with dry run) to be written
 * @param errors receives one line per failed input, naming its path
 */
public record ConvertJob(FileSchema schema, List<Path> inputs, Path out, boolean dryRun, Consumer<String> info,
        Consumer<String> errors) {
    /** Checks the parts. */
    public ConvertJob {
        requireNonNull(schema, "schema");
        requireNonNull(out, "out");
        requireNonNull(info, "info");
        requireNonNull(errors, "errors");
        inputs = List.copyOf(inputs);
    }
}
