package io.gatos.sql.materialize.ndjson;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.ledger.Ulid;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.RawParseUtils;

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
    private static final Pattern JOURNAL =
            Pattern.compile("refs/gatos/journal/[A-Za-z0-9_-]{1,64}/[A-Za-z0-9_-]{1,128}");
    private static final Pattern TOPIC = Pattern.compile("refs/gatos/(?:shiplog|messages)/[^/]+(?:/[^/]+)*/head");
    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*: .*");
    private static final String ENVELOPE = "envelope.json";
    private static final byte[] PARENT = Constants.encodeASCII("parent ");
    private static final String SHIPLOG = "refs/gatos/shiplog/";
    private static final String MESSAGES = "refs/gatos/messages/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Summarizes a finished import.
     *
     * @param events events and messages written
     * @param streams refs that received at least one of them
     * @param exact of {@code events}, those written as exact copies of their source commits
     * @param took wall-clock time of the run
     */
    public record Result(long events, int streams, long exact, Duration took) {
    }

    private final Repository repo;
    private final int flushEvery;
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private ObjectInserter inserter;
    private long inserted;

    private NdjsonImporter(Repository repo, int flushEvery) {
        this.repo = requireNonNull(repo, "repo");
        this.flushEvery = flushEvery;
    }

    /**
     * Imports {@code in} into the existing Git repository at {@code repoDir}; throws
     * IllegalArgumentException when there is none.
     */
    public static Result run(Path repoDir, InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        File gitDir = RepositoryCache.FileKey.resolve(repoDir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new IllegalArgumentException("not a Git repository: " + repoDir);
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            return run(repo, in, progressEvery, progress);
        }
    }

    /**
     * Imports {@code in} into {@code repo}, calling {@code progress} (nullable) with the number of
     * lines read every {@code progressEvery} lines (0: never).
     */
    public static Result run(Repository repo, InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        return run(repo, in, progressEvery, progress, FLUSH_EVERY_OBJECTS);
    }

    /**
     * Same as {@link #run(Repository, InputStream, int, LongConsumer)}, writing a pack every
     * {@code flushEvery} objects.
     */
    static Result run(Repository repo, InputStream in, int progressEvery, LongConsumer progress, int flushEvery)
            throws IOException, ImportException {
        long start = System.nanoTime();
        NdjsonImporter importer = new NdjsonImporter(repo, flushEvery);
        long[] counts = importer.read(requireNonNull(in, "in"), progressEvery, progress);
        importer.publish();
        int touched = (int) importer.streams.values().stream().filter(s -> s.imported > 0).count();
        return new Result(counts[0], touched, counts[1], Duration.ofNanos(System.nanoTime() - start));
    }

    /** Holds what the import knows about one target ref. */
    private static final class Stream {
        final String ref;
        final ObjectId startTip;
        final UlidSet existing;
        ObjectId tip;
        String lastUlid;
        long lastLine;
        long nextPos;
        boolean exact;
        long imported;

        Stream(String ref, ObjectId startTip, UlidSet existing) {
            this.ref = ref;
            this.startTip = startTip;
            this.existing = existing;
            this.tip = startTip;
            this.exact = startTip == null;
        }
    }

    private long[] read(InputStream in, int progressEvery, LongConsumer progress)
            throws IOException, ImportException {
        long lineNo = 0;
        long events = 0;
        long exact = 0;
        try (BufferedReader reader = reader(in);
                ObjectInserter ins = newInserter(repo)) {
            inserter = ins;
            while (true) {
                String text;
                try {
                    text = reader.readLine();
                } catch (EOFException e) {
                    throw new ImportException(0, "truncated gzip input: it ends after " + lineNo + " lines");
                } catch (ZipException e) {
                    throw new ImportException(0, "corrupt gzip input after " + lineNo + " lines: " + e.getMessage());
                } catch (CharacterCodingException e) {
                    // decoding runs ahead of the lines returned, so only a lower bound is known
                    throw new ImportException(0, "input is not UTF-8: invalid bytes after line " + lineNo);
                }
                if (text == null) {
                    break;
                }
                lineNo++;
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
            ins.flush();
        } catch (GzipHeaderException e) {
            throw new ImportException(0, "truncated gzip input: it ends after 0 lines");
        }
        return new long[] {events, exact};
    }

    /** Signals that the gzip header itself is cut short. */
    private static final class GzipHeaderException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static BufferedReader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream raw = buffered;
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                raw = new GZIPInputStream(buffered, 1 << 16);
            } catch (EOFException e) {
                throw new GzipHeaderException();
            }
        }
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    private static ObjectInserter newInserter(Repository repo) {
        if (repo.getObjectDatabase() instanceof ObjectDirectory) {
            PackInserter packer = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter();
            packer.checkExisting(false);
            packer.setCompressionLevel(Deflater.BEST_SPEED);
            return packer;
        }
        return repo.newObjectInserter();
    }

    /** Writes the commit of {@code line}; returns whether it is an exact copy of the source commit. */
    private boolean append(EventLine line, long lineNo) throws IOException, ImportException {
        String ref = line.meta().ref();
        if (!JOURNAL.matcher(ref).matches()
                && !(TOPIC.matcher(ref).matches() && Repository.isValidRefName(ref))) {
            throw new ImportException(lineNo, "meta.ref '" + ref + "' is not a journal ref (refs/gatos/journal/<ns>/"
                    + "<actor>) or a topic ref (refs/gatos/shiplog/<topic>/head, refs/gatos/messages/<topic>/head)");
        }
        String ulid = line.id();
        if (!Ulid.isValid(ulid)) {
            throw new ImportException(lineNo, "malformed line: 'id' is not a ULID: " + ulid);
        }
        if (!ObjectId.isId(line.commit())) {
            throw new ImportException(lineNo, "malformed line: 'commit' is not a 40-hex commit id");
        }
        PersonIdent author = ident(line.meta().author(), "author", lineNo);
        PersonIdent committer = ident(line.meta().committer(), "committer", lineNo);
        checkEnvelope(line, lineNo);

        Stream s = stream(ref, lineNo);
        if (s.lastUlid != null && ulid.compareTo(s.lastUlid) <= 0) {
            throw new ImportException(lineNo, ulid.equals(s.lastUlid)
                    ? "duplicate ULID " + ulid + " in " + ref + " (also on line " + s.lastLine + ")"
                    : "ULID " + ulid + " is out of order in " + ref + ": not after " + s.lastUlid + " (line "
                            + s.lastLine + ")");
        }
        if (s.existing.contains(ulid)) {
            throw new ImportException(lineNo, "duplicate ULID " + ulid + ": already in the target's " + ref);
        }

        ObjectId tree = tree(line.meta().envelope());
        ObjectId commit = null;
        boolean exact = s.exact && line.pos() == s.nextPos;
        if (exact) {
            byte[] raw = commit(tree, s.tip, author, committer, line.meta().message()).build();
            if (inserter.idFor(Constants.OBJ_COMMIT, raw).name().equals(line.commit())) {
                commit = insert(Constants.OBJ_COMMIT, raw);
            } else {
                exact = false; // e.g. attachments in the source tree: provenance goes into trailers
            }
        }
        if (!exact) {
            s.exact = false;
            String message = withSource(line.meta().message(), line.pos(), line.commit());
            commit = insert(Constants.OBJ_COMMIT, commit(tree, s.tip, author, committer, message).build());
        }
        s.tip = commit;
        s.lastUlid = ulid;
        s.lastLine = lineNo;
        s.nextPos = line.pos() + 1;
        s.imported++;
        return exact;
    }

    private static PersonIdent ident(String text, String field, long lineNo) throws ImportException {
        PersonIdent ident = RawParseUtils.parsePersonIdent(text);
        if (ident == null || ident.getEmailAddress() == null) {
            throw new ImportException(lineNo, "malformed line: 'meta." + field + "' is not a Git identity"
                    + " (Name <email> <seconds> <+hhmm>)");
        }
        return new PersonIdent(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant(),
                ident.getZoneOffset());
    }

    /** Rejects an envelope that is JSON with a ulid other than the line's id; leaves unreadable ones alone. */
    private static void checkEnvelope(EventLine line, long lineNo) throws ImportException {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(line.meta().envelope());
        } catch (IOException e) {
            return; // malformed envelopes are ledger data too: copied as they are
        }
        JsonNode ulid = envelope == null ? null : envelope.get("ulid");
        if (ulid != null && ulid.isTextual() && !ulid.asText().equals(line.id())) {
            throw new ImportException(lineNo, "malformed line: 'id' " + line.id() + " differs from the envelope's ulid "
                    + ulid.asText());
        }
    }

    private Stream stream(String ref, long lineNo) throws IOException, ImportException {
        Stream s = streams.get(ref);
        if (s == null) {
            String other = otherSpelling(ref);
            if (other != null && (streams.containsKey(other) || repo.exactRef(other) != null)) {
                throw new ImportException(lineNo, "topic " + ref + " would exist under both spellings: "
                        + other + " is already " + (streams.containsKey(other) ? "in this import" : "in the target"));
            }
            Ref found = repo.exactRef(ref);
            ObjectId tip = found == null ? null : found.getObjectId();
            s = new Stream(ref, tip == null ? null : tip.copy(), tip == null ? new UlidSet().seal() : ulidsOf(tip));
            streams.put(ref, s);
        }
        return s;
    }

    /** Returns the shiplog ref's name under its other spelling (LAYOUT §2), or null for a journal ref. */
    private static String otherSpelling(String ref) {
        if (ref.startsWith(SHIPLOG)) {
            return MESSAGES + ref.substring(SHIPLOG.length());
        }
        if (ref.startsWith(MESSAGES)) {
            return SHIPLOG + ref.substring(MESSAGES.length());
        }
        return null;
    }

    /**
     * Reads the ULIDs of the envelopes along the first-parent chain from {@code tip}, parsing raw
     * commits rather than through a RevWalk, which would keep every commit it parsed.
     */
    private UlidSet ulidsOf(ObjectId tip) throws IOException {
        UlidSet ulids = new UlidSet();
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectId c = tip;
            while (c != null) {
                byte[] raw = reader.open(c, Constants.OBJ_COMMIT).getCachedBytes();
                ObjectId tree = ObjectId.fromString(raw, 5); // "tree <hex>\n"
                int next = 5 + Constants.OBJECT_ID_STRING_LENGTH + 1;
                c = RawParseUtils.match(raw, next, PARENT) < 0 ? null : ObjectId.fromString(raw, next + PARENT.length);
                try (TreeWalk tw = TreeWalk.forPath(reader, "message/" + ENVELOPE, tree)) {
                    if (tw != null) {
                        ulids.add(ulidOf(reader.open(tw.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE)));
                    }
                }
            }
        }
        return ulids.seal();
    }

    private static String ulidOf(byte[] envelope) {
        try {
            JsonNode ulid = JSON.readTree(envelope).get("ulid");
            return ulid != null && ulid.isTextual() ? ulid.asText() : null;
        } catch (IOException e) {
            return null; // an unreadable envelope has no ULID to collide with
        }
    }

    private ObjectId tree(byte[] envelope) throws IOException {
        TreeFormatter inner = new TreeFormatter();
        inner.append(ENVELOPE, FileMode.REGULAR_FILE, insert(Constants.OBJ_BLOB, envelope));
        TreeFormatter outer = new TreeFormatter();
        outer.append("message", FileMode.TREE, insert(Constants.OBJ_TREE, inner.toByteArray()));
        return insert(Constants.OBJ_TREE, outer.toByteArray());
    }

    private static CommitBuilder commit(ObjectId tree, ObjectId parent, PersonIdent author, PersonIdent committer,
            String message) {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) {
            cb.setParentId(parent);
        }
        cb.setAuthor(author);
        cb.setCommitter(committer);
        cb.setMessage(message);
        return cb;
    }

    private ObjectId insert(int type, byte[] bytes) throws IOException {
        ObjectId id = inserter.insert(type, bytes);
        if (++inserted % flushEvery == 0) {
            inserter.flush();
        }
        return id;
    }

    /**
     * Appends {@code Source-Pos} and {@code Source-Commit} to the trailer block of {@code message}
     * (starting one when its last paragraph is not a trailer block).
     */
    static String withSource(String message, long pos, String commit) {
        String body = message.stripTrailing();
        int cut = body.lastIndexOf("\n\n");
        boolean trailerBlock = cut >= 0
                && body.substring(cut + 2).lines().allMatch(l -> TRAILER.matcher(l).matches());
        return body + (trailerBlock ? "\n" : "\n\n") + "Source-Pos: " + pos + "\nSource-Commit: " + commit + "\n";
    }

    /** Moves every touched ref from its value at the start to its new tip, all or nothing where supported. */
    private void publish() throws IOException, ImportException {
        List<ReceiveCommand> commands = new ArrayList<>();
        for (Stream s : streams.values()) {
            if (s.imported == 0) {
                continue;
            }
            Ref now = repo.exactRef(s.ref);
            ObjectId current = now == null ? null : now.getObjectId();
            if (current == null ? s.startTip != null : !current.equals(s.startTip)) {
                throw new ImportException(0, moved(s.ref));
            }
            commands.add(new ReceiveCommand(s.startTip == null ? ObjectId.zeroId() : s.startTip, s.tip, s.ref));
        }
        if (commands.isEmpty()) {
            return;
        }
        BatchRefUpdate batch = repo.getRefDatabase().newBatchUpdate();
        batch.setAtomic(repo.getRefDatabase().performsAtomicTransactions());
        batch.setRefLogMessage("gatos import", false);
        batch.addCommand(commands);
        try (RevWalk walk = new RevWalk(repo)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        }
        List<String> failed = new ArrayList<>();
        for (ReceiveCommand c : commands) {
            if (c.getResult() != ReceiveCommand.Result.OK) {
                failed.add(c.getRefName() + " (" + c.getResult() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new ImportException(0, moved(String.join(", ", failed)));
        }
    }

    private static String moved(String refs) {
        return "the target's " + refs + " changed during the import (compare-and-swap failed); run it again";
    }
}
