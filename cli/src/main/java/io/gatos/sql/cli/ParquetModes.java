package io.gatos.sql.cli;

import io.gatos.sql.cli.options.ExportFormat;
import io.gatos.sql.materialize.files.ConvertJob;
import io.gatos.sql.materialize.files.ConvertSummary;
import io.gatos.sql.materialize.files.FileConverter;
import io.gatos.sql.materialize.files.FileSchema;
import io.gatos.sql.materialize.files.FileSource;
import io.gatos.sql.materialize.parquet.ParquetQueryJob;
import io.gatos.sql.materialize.parquet.ParquetQueryMaterializer;
import io.gatos.sql.materialize.parquet.PartitionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Parquet modes of {@code gatos materialize}: {@code --query ... --format parquet} and
 * {@code --convert}, after checking that the options given belong to the mode.
 */
final class ParquetModes {
    private ParquetModes() {}

    /** Runs {@code --query --format parquet}; returns the exit code. */
    static int query(MaterializeCommand c) throws UserException {
        if (c.query == null) {
            throw new UserException("--format parquet needs --query SQL (or use --convert to convert files)");
        }
        if (c.table != null) {
            throw new UserException(
                    "--table is for --format sqlite; a Parquet output holds the one result of --query:"
                            + " drop --table and name the file or directory with --out");
        }
        if (c.out == null) {
            throw new UserException(
                    "--query needs --out PATH (a .parquet file, or a directory with --partition-by)");
        }
        if (c.repo == null && c.sources.isEmpty()) {
            throw new UserException("--query needs --repo PATH or --source NAME=DIR (or both)");
        }
        Path repo = c.repo == null ? null : Ledgers.existingDirectory(c.repo);
        List<FileSource> sources = new ArrayList<>();
        for (String source : c.sources) {
            sources.add(FileSource.parse(source, c.schema));
        }
        PartitionSpec partition = c.partitionBy == null ? null : PartitionSpec.parse(c.partitionBy);
        ParquetQueryJob job =
                new ParquetQueryJob(repo, sources, c.query, c.out, partition, c.maxOpenFiles);
        c.out().println(ParquetQueryMaterializer.run(job).summary());
        return ExitCodes.OK;
    }

    /** Runs {@code --convert}; returns 0, or 1 when an input failed. */
    static int convert(MaterializeCommand c) throws UserException {
        if (c.query != null || c.repo != null || c.table != null || c.partitionBy != null) {
            throw new UserException(
                    "--convert takes --source, --schema, --out and --dry-run; --query, --repo, --table"
                            + " and --partition-by go with --query (the schema's partition_by partitions"
                            + " converted files)");
        }
        if (c.format != null && c.format != ExportFormat.PARQUET) {
            throw new UserException("--convert writes parquet; drop --format " + c.format);
        }
        if (c.schema == null) {
            throw new UserException(
                    "--convert needs --schema FILE declaring the datasets (see docs/examples/work-order-files.json)");
        }
        if (c.out == null) {
            throw new UserException("--convert needs --out DIR, the root of the Parquet datasets");
        }
        if (c.sources.isEmpty()) {
            throw new UserException("--convert needs --source PATH (a file or a directory), repeatable");
        }
        List<Path> inputs = c.sources.stream().map(Path::of).toList();
        ConvertJob job =
                new ConvertJob(
                        FileSchema.read(c.schema),
                        inputs,
                        c.out,
                        c.dryRun,
                        c.out()::println,
                        line -> c.err().println("gatos materialize: " + line));
        ConvertSummary summary = FileConverter.run(job);
        c.out().println(summary.line());
        return summary.failed() == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
}
