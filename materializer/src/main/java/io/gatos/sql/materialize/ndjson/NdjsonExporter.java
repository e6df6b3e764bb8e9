package io.gatos.sql.materialize.ndjson;

import static io.gatos.sql.materialize.ndjson.NdjsonRows.COMMIT;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.EVENT;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.KIND;
import static io.gatos.sql.materialize.ndjson.NdjsonRows.STREAM;
import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import io.gatos.sql.materialize.parquet.SortBuffer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes the events of some namespaces and the messages of some topics as {@link EventLine}s, one per
 * line, in ULID order across all streams, in bounded memory: rows are read through the SQL tables,
 * sorted by ULID in a {@link SortBuffer} that spills to disk, and each line's envelope and commit
 * fields are read from Git as it is written.
 */
public final class NdjsonExporter {
    /** How many estimated bytes of rows the sort holds in memory before spilling. */
    static final long SORT_BYTES = 16L << 20;
    private static final int PROGRESS_EVERY = 1024;

    private NdjsonExporter() {
    }

    /**
     * Says what to export. A null list means the option was not given; when both are null every
     * event and every message is exported; when only one is given, only that kind is exported.
     *
     * @param namespaces the namespaces whose events to export (null: see above)
     * @param topics the shiplog topics whose messages to export (null: see above)
     * @param since the first event time exported, inclusive (null: no lower bound)
     * @param until the event time where the export stops, exclusive (null: no upper bound)
     */
    public record Selection(List<String> namespaces, List<String> topics, Instant since, Instant until) {
        /** Copies the lists. */
        public Selection {
            namespaces = namespaces == null ? null : List.copyOf(namespaces);
            topics = topics == null ? null : List.copyOf(topics);
        }

        /** Returns a selection of everything. */
        public static Selection all() {
            return new Selection(null, null, null, null);
        }

        boolean events() {
            return namespaces != null || topics == null;
        }

        boolean messages() {
            return topics != null || namespaces == null;
        }

        boolean admits(long tsMillis) {
            return (since == null || tsMillis >= since.toEpochMilli())
                    && (until == null || tsMillis < until.toEpochMilli());
        }
    }

    /**
     * Tells what an export wrote.
     *
     * @param lines the lines (events and messages) written
     * @param streams the distinct streams they came from
     */
    public record Result(long lines, int streams) {
    }

    /**
     * Exports {@code selection} of the ledger at {@code repo} to {@code output}, through a temporary
     * file beside it renamed into place at the end, so a failed run leaves an existing file as it was;
     * gzips when {@code gzip}. Sort runs spill to a temporary directory beside the output.
     */
    public static Result exportToFile(Path repo, Selection selection, Path output, boolean gzip,
            ExportObserver observer) {
        Path tmp = null;
        try {
            tmp = AtomicFiles.tempBeside(output);
            Result result;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                result = export(repo, selection, out, gzip, tmp.toAbsolutePath().getParent(), observer);
            }
            AtomicFiles.sync(tmp);
            AtomicFiles.replace(tmp, output);
            tmp = null;
            return result;
        } catch (IOException e) {
            throw new MaterializeException(Code.IO, "cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the output
                }
            }
        }
    }

    /**
     * Exports {@code selection} of the ledger at {@code repo} to {@code out} (not closed; gzipped when
     * {@code gzip}, the gzip trailer written at the end), spilling sort runs to a temporary directory
     * in {@code spillParent} (null: {@code java.io.tmpdir}).
     */
    public static Result export(Path repo, Selection selection, OutputStream out, boolean gzip, Path spillParent,
            ExportObserver observer) throws IOException {
        return export(repo, selection, out, gzip, spillParent, observer, SORT_BYTES);
    }

    /** Exports like {@link #export(Path, Selection, OutputStream, boolean, Path, ExportObserver)}, sorting in {@code sortBytes}. */
    static Result export(Path repo, Selection selection, OutputStream out, boolean gzip, Path spillParent,
            ExportObserver observer, long sortBytes) throws IOException {
        requireNonNull(out, "out");
        OutputStream target = gzip ? new GZIPOutputStream(new NonClosingOutputStream(out), 1 << 16) : new NonClosingOutputStream(out);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
            return export(repo, selection, writer, spillParent, observer, sortBytes);
        }
    }

    /**
     * Exports {@code selection} of the ledger at {@code repo} as text to {@code out} (flushed, not
     * closed), spilling sort runs to a temporary directory in {@code spillParent} (null: {@code
     * java.io.tmpdir}).
     */
    public static Result export(Path repo, Selection selection, Writer out, Path spillParent,
            ExportObserver observer) throws IOException {
        return export(repo, selection, out, spillParent, observer, SORT_BYTES);
    }

    private static Result export(Path repo, Selection selection, Writer out, Path spillParent,
            ExportObserver observer, long sortBytes) throws IOException {
        requireNonNull(repo, "repo");
        requireNonNull(selection, "selection");
        requireNonNull(out, "out");
        ExportObserver obs = observer == null ? ExportObserver.NONE : observer;
        Path spill = spillParent == null ? Files.createTempDirectory("gatos-ndjson-")
                : Files.createTempDirectory(spillParent, ".gatos-ndjson-");
        try (SortBuffer sort = new SortBuffer(spill, sortBytes);
                LedgerRepository ledger = LedgerRepository.open(repo)) {
            Repository git = ledger.git();
            NdjsonRows.read(repo, git, selection, sort);
            Result result = write(ledger, sort.sorted(), out, obs);
            out.flush();
            return result;
        } catch (SQLException e) {
            throw new MaterializeException(Code.SQL, "cannot read " + repo + ": " + e.getMessage(), e);
        } catch (LedgerException e) {
            throw new MaterializeException(Code.LEDGER, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            try (var files = Files.list(spill)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(spill);
        }
    }

    private static Result write(LedgerRepository ledger, Iterator<SortBuffer.Entry> rows, Writer writer,
            ExportObserver obs) throws IOException {
        Set<String> streams = new HashSet<>();
        List<Object[]> sameId = new ArrayList<>();
        String lastId = null;
        long n = 0;
        try (GitObjects objects = new GitObjects(ledger.git(), ledger.stats())) {
            while (rows.hasNext()) {
                SortBuffer.Entry row = rows.next();
                Object[] v = row.values();
                String id = (String) v[NdjsonRows.ID];
                if (!id.equals(row.key().substring(0, row.key().indexOf('\u0000')))) {
                    write(writer, objects, id, v); // an envelope without a ULID, placed after its predecessor
                    streams.add((String) v[STREAM]);
                    n++;
                    continue;
                }
                if (!id.equals(lastId)) {
                    sameId.clear();
                    lastId = id;
                }
                for (Object[] other : sameId) {
                    if (v[KIND].equals(EVENT) && other[KIND].equals(EVENT) || v[STREAM].equals(other[STREAM])) {
                        throw new MaterializeException(Code.DUPLICATE_ULID, "ULID " + id + " appears twice, in commit "
                                + other[COMMIT] + " (" + other[STREAM] + ") and in commit " + v[COMMIT] + " ("
                                + v[STREAM] + "); the export refuses to drop either");
                    }
                }
                sameId.add(v);
                write(writer, objects, id, v);
                streams.add((String) v[STREAM]);
                if (++n % PROGRESS_EVERY == 0) {
                    obs.batch("ndjson", n);
                }
            }
        }
        obs.tableDone("ndjson", n);
        return new Result(n, streams.size());
    }

    private static void write(Writer writer, GitObjects objects, String id, Object[] v) throws IOException {
        writer.write(NdjsonGitReader.line(objects, id, v).toJson());
        writer.write('\n');
    }
}
