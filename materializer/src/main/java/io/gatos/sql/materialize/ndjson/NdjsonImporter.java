package io.gatos.sql.materialize.ndjson;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Appends the events and messages of an NDJSON export ({@link EventLine}s) to the same refs of a
 * target repository, keeping each envelope byte for byte. A stream imported contiguously from
 * position 0 into an absent target ref reproduces the source commits exactly (same ids); any other
 * commit is new and carries {@code Source-Pos} and {@code Source-Commit} trailers.
 *
 * <p>Reads the input once, line by line (gzip detected by its magic bytes), keeping only per-stream
 * state, so memory does not grow with the input. Objects are written as it goes; refs move only at
 * the end, all in one compare-and-swap batch against their values at the start. Any bad line
 * aborts the whole run with an {@link ImportException} naming it, and then no ref moves.
 */
public final class NdjsonImporter {
    /** Lines between two progress reports when the caller has no preference. */
    public static final int DEFAULT_PROGRESS_EVERY = 10_000;
    /** Objects inserted before the pending pack is written out, which bounds the inserter's index (~20 MB). */
    static final int FLUSH_EVERY_OBJECTS = 250_000;
    /** The longest line (bytes, after gzip) an import reads unless told otherwise: 64 MiB. */
    public static final long DEFAULT_MAX_LINE_BYTES = 64L << 20;

    /**
     * Summarizes a finished import.
     *
     * @param events events and messages written
     * @param streams refs that received at least one of them
     * @param exact of {@code events}, those written as exact copies of their source commits
     * @param took wall-clock time of the run
     * @param warnings what was imported but deserves a look, each {@code line N: ...} (the first
     *     {@value #MAX_WARNINGS}; {@code events} counts every line imported)
     */
    public record Result(long events, int streams, long exact, Duration took, List<String> warnings) {
        /** Copies the warnings. */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** The most warnings a result lists. */
    public static final int MAX_WARNINGS = 100;

    private final Repository repo;
    private final int flushEvery;
    private final long maxLineBytes;
    private final TargetStreams streams;
    private final List<String> warnings = new ArrayList<>();
    private CommitWriter writer;

    private NdjsonImporter(Repository repo, int flushEvery, long maxLineBytes) {
        this.repo = requireNonNull(repo, "repo");
        this.flushEvery = flushEvery;
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("the maximum line length must be at least 1 byte, not " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.streams = new TargetStreams(repo);
    }

    /**
     * Imports {@code in} into the existing Git repository at {@code repoDir}; throws
     * IllegalArgumentException when there is none.
     */
    public static Result run(Path repoDir, InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        return run(repoDir, in, progressEvery, progress, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Same as {@link #run(Path, InputStream, int, LongConsumer)}, refusing a line longer than
     * {@code maxLineBytes} (the memory of one line is bounded by it).
     */
    public static Result run(Path repoDir, InputStream in, int progressEvery, LongConsumer progress,
            long maxLineBytes) throws IOException, ImportException {
        File gitDir = RepositoryCache.FileKey.resolve(repoDir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new IllegalArgumentException("not a Git repository: " + repoDir);
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            return run(repo, in, progressEvery, progress, FLUSH_EVERY_OBJECTS, maxLineBytes);
        }
    }

    /**
     * Imports {@code in} into {@code repo}, calling {@code progress} (nullable) with the number of
     * lines read every {@code progressEvery} lines (0: never).
     */
    public static Result run(Repository repo, InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        return run(repo, in, progressEvery, progress, FLUSH_EVERY_OBJECTS, DEFAULT_MAX_LINE_BYTES);
    }

    /** Same as {@link #run(Repository, InputStream, int, LongConsumer)} with a maximum line length. */
    public static Result run(Repository repo, InputStream in, int progressEvery, LongConsumer progress,
            long maxLineBytes) throws IOException, ImportException {
        return run(repo, in, progressEvery, progress, FLUSH_EVERY_OBJECTS, maxLineBytes);
    }

    /**
     * Same as {@link #run(Repository, InputStream, int, LongConsumer)}, writing a pack every
     * {@code flushEvery} objects.
     */
    static Result run(Repository repo, InputStream in, int progressEvery, LongConsumer progress, int flushEvery,
            long maxLineBytes) throws IOException, ImportException {
        long start = System.nanoTime();
        NdjsonImporter importer = new NdjsonImporter(repo, flushEvery, maxLineBytes);
        long[] counts = importer.read(requireNonNull(in, "in"), progressEvery, progress);
        importer.streams.publish();
        return new Result(counts[0], importer.streams.touched(), counts[1],
                Duration.ofNanos(System.nanoTime() - start), importer.warnings);
    }

    /** Appends every line of {@code in}; returns the events written and, of them, the exact copies. */
    private long[] read(InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        long events = 0;
        long exact = 0;
        try (LineSource lines = LineSource.open(in, maxLineBytes);
                CommitWriter commits = new CommitWriter(repo, flushEvery)) {
            writer = commits;
            for (String text = lines.next(); text != null; text = lines.next()) {
                long lineNo = lines.lineNo();
                if (!text.isBlank()) {
                    EventLine line;
                    try {
                        line = EventLine.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new ImportException(lineNo, "malformed line: " + e.getMessage());
                    }
                    if (append(line, lineNo)) {
                        exact++;
                    }
                    events++;
                }
                if (progress != null && progressEvery > 0 && lineNo % progressEvery == 0) {
                    progress.accept(lineNo);
                }
            }
            commits.flush();
        }
        return new long[] {events, exact};
    }

    /** Writes the commit of {@code line}; returns whether it is an exact copy of the source commit. */
    private boolean append(EventLine line, long lineNo) throws IOException, ImportException {
        boolean hasUlid = EventChecks.checkRefAndIds(line, lineNo);
        PersonIdent author = EventChecks.ident(line.meta().author(), "author", lineNo);
        PersonIdent committer = EventChecks.ident(line.meta().committer(), "committer", lineNo);
        EventChecks.checkEnvelope(line, lineNo);

        ImportStream s = streams.get(line.meta().ref(), lineNo);
        if (hasUlid) {
            s.checkNext(line.id(), lineNo);
        }
        CommitWriter.Written written = writer.write(line, s.tip(), s.mayCopy(line.pos()), author, committer);
        s.advance(written.commit(), written.exact(), hasUlid ? line.id() : null, lineNo, line.pos());
        if (!hasUlid && warnings.size() < MAX_WARNINGS) {
            warnings.add("line " + lineNo + ": an unreadable envelope (no ULID) in " + line.meta().ref()
                    + " at position " + line.pos() + " was imported byte for byte (source commit " + line.commit()
                    + ")");
        }
        return written.exact();
    }
}
