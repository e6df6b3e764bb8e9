package io.gatos.sql.materialize.files;

import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import io.gatos.sql.materialize.OutputLock;
import io.gatos.sql.materialize.parquet.DatasetDirectory;
import io.gatos.sql.materialize.parquet.ParquetColumn;
import io.gatos.sql.materialize.parquet.PartitionSpec;
import io.gatos.sql.materialize.parquet.PartitionedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs {@code gatos materialize --convert}: converts CSV/JSON files to year/month-partitioned Parquet
 * as their declared schema says. An input whose outputs exist and are newer than it is skipped; a
 * missing, unreadable or corrupt input is reported with its path and the others still convert. Each
 * input is written to a hidden staging directory first, so a failed input leaves its previous
 * outputs as they were. Memory holds one row (a JSON document whole) and up to one row group per
 * open file.
 */
public final class FileConverter {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_OPEN = 12;

    private final ConvertJob job;
    private final ConvertSummary.Builder summary = new ConvertSummary.Builder();

    private FileConverter(ConvertJob job) {
        this.job = job;
    }

    /**
     * Converts every input of {@code job}; failures of single inputs are reported to
     * {@code job.errors()} and counted, not thrown.
     *
     * @throws MaterializeException {@code LOCKED} when another run writes the same output
     */
    public static ConvertSummary run(ConvertJob job) {
        FileConverter converter = new FileConverter(job);
        if (job.dryRun()) {
            converter.convertAll();
        } else {
            try (OutputLock lock = OutputLock.acquire(job.out())) {
                converter.convertAll();
            }
        }
        return converter.summary.build(job.dryRun());
    }

    private void convertAll() {
        for (Path input : job.inputs()) {
            if (Files.isDirectory(input)) {
                for (Path file : matching(input)) {
                    convertOne(file, job.schema().datasetOf(file.getFileName().toString()));
                }
            } else {
                FileDataset dataset = input.getFileName() == null ? null
                        : job.schema().datasetOf(input.getFileName().toString());
                if (!Files.exists(input)) {
                    fail(input, "missing input; check the path");
                } else if (dataset == null) {
                    fail(input, "matches no dataset of " + job.schema().file() + "; declare a dataset whose"
                            + " 'files' pattern matches it");
                } else {
                    convertOne(input, dataset);
                }
            }
        }
    }

    private List<Path> matching(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p) && job.schema().datasetOf(p.getFileName().toString()) != null)
                    .sorted().toList();
        } catch (IOException e) {
            fail(dir, "cannot be listed: " + e.getMessage());
            return List.of();
        }
    }

    private void convertOne(Path file, FileDataset dataset) {
        try {
            if (dataset.partitionBy() == null) {
                throw new MaterializeException(Code.BAD_OPTION, "dataset " + dataset.name() + " of " + job.schema().file()
                        + " declares no partition_by; conversion writes year=/month= partitions of a DATE or"
                        + " TIMESTAMP column");
            }
            convert(file, dataset);
        } catch (MaterializeException e) {
            String message = e.getMessage();
            fail(file, message.startsWith(file.toString()) ? message.substring(file.toString().length() + 2) : message);
        } catch (IOException e) {
            fail(file, "converting failed: " + e.getMessage());
        }
    }

    private void convert(Path file, FileDataset dataset) throws IOException {
        long sourceBytes = Files.size(file);
        try (FileRows rows = FileRows.open(dataset, file)) {
            Object[] first = rows.next();
            int p = dataset.indexOf(dataset.partitionBy());
            ParquetColumn partition = columns(dataset).get(p);
            LocalDate key = dataset.nameDate(file.getFileName().toString());
            if (key == null && (first == null || first[p] == null)) {
                throw new MaterializeException(Code.IO, file + ": the first row has no " + dataset.partitionBy()
                        + ", which dates the output; the file name has no {date} either");
            }
            key = key != null ? key : PartitionSpec.date(first[p], partition.kind());
            String stem = dataset.name() + "_" + key.format(BASIC);
            Path datasetDir = job.out().resolve(dataset.name());
            List<Path> existing = outputs(datasetDir, stem);
            if (!existing.isEmpty() && newer(datasetDir, existing, file)) {
                job.info().accept("⊘ " + datasetDir.resolve(existing.get(0)) + " already exists, skipping");
                summary.skipped();
                return;
            }
            PartitionSpec spec = new PartitionSpec(dataset.partitionBy(), true);
            if (job.dryRun()) {
                dryRun(rows, first, p, partition, spec, datasetDir, stem, file, sourceBytes);
                return;
            }
            write(rows, first, dataset, spec, datasetDir, stem, file, sourceBytes, existing);
        }
    }

    private void dryRun(FileRows rows, Object[] first, int p, ParquetColumn partition, PartitionSpec spec,
            Path datasetDir, String stem, Path file, long sourceBytes) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row = first; row != null; row = rows.next()) {
            counts.merge(String.join("/", spec.directories(row[p], partition.kind())), 1L, Long::sum);
        }
        job.info().accept(String.format(Locale.ROOT, "✓ Found %s (%,d bytes)", file, sourceBytes));
        counts.forEach((dir, n) -> job.info().accept(String.format(Locale.ROOT, "→ Would create %s (%,d rows)",
                datasetDir.resolve(dir).resolve(stem + ".parquet"), n)));
        summary.written(sourceBytes, 0);
    }

    private void write(FileRows rows, Object[] first, FileDataset dataset, PartitionSpec spec, Path datasetDir,
            String stem, Path file, long sourceBytes, List<Path> existing) throws IOException {
        Files.createDirectories(datasetDir);
        // beside OUT, not in it: a crash never leaves stray files that OUT/**/*.parquet would read
        Path staging = Files.createTempDirectory(job.out().toAbsolutePath().getParent(),
                "." + job.out().getFileName() + "." + stem + ".");
        try {
            List<Path> written;
            long count;
            try (PartitionedWriter writer = new PartitionedWriter(staging, dataset.name(), columns(dataset),
                    Map.of("gatos.source", file.getFileName().toString(), "gatos.dataset", dataset.name()), spec,
                    MAX_OPEN, part -> part == 0 ? stem + ".parquet" : stem + "-" + part + ".parquet")) {
                for (Object[] row = first; row != null; row = rows.next()) {
                    writer.write(row);
                }
                written = writer.files();
                count = writer.rows();
            }
            long outBytes = 0;
            for (Path rel : written) {
                Path target = datasetDir.resolve(rel);
                Files.createDirectories(target.getParent());
                AtomicFiles.sync(staging.resolve(rel));
                AtomicFiles.replace(staging.resolve(rel), target);
                outBytes += Files.size(target);
            }
            for (Path stale : existing) {
                if (!written.contains(stale)) {
                    Files.deleteIfExists(datasetDir.resolve(stale));
                }
            }
            job.info().accept(String.format(Locale.ROOT, "✓ Wrote %s (%,d rows; %,d → %,d bytes, %s)",
                    written.isEmpty() ? file : datasetDir.resolve(written.get(0)), count, sourceBytes, outBytes,
                    ConvertSummary.change(sourceBytes, outBytes)));
            summary.written(sourceBytes, outBytes);
        } finally {
            DatasetDirectory.deleteTree(staging);
        }
    }

    /** Returns the outputs of {@code stem} under {@code datasetDir} (relative to it), any partition and part. */
    private static List<Path> outputs(Path datasetDir, String stem) throws IOException {
        if (!Files.isDirectory(datasetDir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(datasetDir)) {
            walk.filter(p -> Files.isRegularFile(p) && !datasetDir.relativize(p).toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.equals(stem + ".parquet") || n.matches(java.util.regex.Pattern.quote(stem) + "-\\d+\\.parquet");
                    })
                    .sorted().forEach(p -> found.add(datasetDir.relativize(p)));
        }
        return found;
    }

    private static boolean newer(Path datasetDir, List<Path> outputs, Path source) throws IOException {
        var sourceTime = Files.getLastModifiedTime(source);
        for (Path rel : outputs) {
            if (Files.getLastModifiedTime(datasetDir.resolve(rel)).compareTo(sourceTime) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<ParquetColumn> columns(FileDataset dataset) {
        return dataset.columns().stream()
                .map(c -> new ParquetColumn(c.name(), c.type().parquetKind(), c.nullable())).toList();
    }

    private void fail(Path input, String message) {
        job.errors().accept("✗ " + input + ": " + message);
        summary.failed();
    }
}
