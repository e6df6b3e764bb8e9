package io.gatos.sql.materialize.ndjson;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.jdbc.GatosDriver;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Writes the events of some namespaces and the messages of some topics as {@link EventLine}s, one per
 * line, in ULID order across all streams, in bounded memory: rows are read through the SQL tables,
 * sorted by ULID in a {@link SortBuffer} that spills to disk, and each line's envelope and commit
 * fields are read from Git as it is written.
 */
public final class NdjsonExporter {
    /** The envelope path in an event or message commit (LAYOUT §1, §2). */
    static final String ENVELOPE = "message/envelope.json";
    /** How many estimated bytes of rows the sort holds in memory before spilling. */
    static final long SORT_BYTES = 16L << 20;
    private static final int PROGRESS_EVERY = 1024;

    private static final int KIND = 0;
    private static final int STREAM = 1;
    private static final int TYPE = 2;
    private static final int POS = 3;
    private static final int COMMIT = 4;
    private static final int DATA = 5;
    private static final int ACTOR = 6;
    private static final int CAPS = 7;
    private static final int POLICY_ROOT = 8;
    private static final int SIG_ALG = 9;
    private static final int EVENT_CID = 10;
    private static final int TS = 11;
    private static final int REF = 12;
    private static final String EVENT = "e";
    private static final String MESSAGE = "m";

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
        OutputStream target = gzip ? new GZIPOutputStream(new NonClosing(out), 1 << 16) : new NonClosing(out);
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
            read(repo, git, selection, sort);
            Result result = write(git, sort.sorted(), out, obs);
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

    private static void read(Path repo, Repository git, Selection selection, SortBuffer sort)
            throws SQLException, IOException {
        Properties props = new Properties();
        props.setProperty(GatosDriver.REPO, repo.toString());
        try (Connection c = DriverManager.getConnection(GatosDriver.PREFIX, props)) {
            if (selection.events() && (selection.namespaces() == null || !selection.namespaces().isEmpty())) {
                String sql = "SELECT \"id\", \"stream\", \"kind\", \"pos\", \"commit_id\", \"payload\", \"actor\","
                        + " \"caps\", \"policy_root\", \"sig_alg\", \"event_cid\", \"ts\" FROM \"gatos\".\"events\""
                        + in("ns", selection.namespaces());
                try (PreparedStatement ps = prepare(c, sql, selection.namespaces()); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long ts = rs.getLong(12);
                        if (selection.admits(ts)) {
                            String stream = rs.getString(2);
                            sort.add(new SortBuffer.Entry("", rs.getString(1) + '\u0000' + stream, new Object[] {
                                EVENT, stream, rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), ts, "refs/gatos/journal/" + stream}));
                        }
                    }
                }
            }
            if (selection.messages() && (selection.topics() == null || !selection.topics().isEmpty())) {
                String sql = "SELECT \"ulid\", \"topic\", \"type\", \"pos\", \"commit_id\", \"payload\", \"ts\""
                        + " FROM \"gatos\".\"shiplog\"" + in("topic", selection.topics());
                Set<String> renamed = new HashSet<>();
                try (PreparedStatement ps = prepare(c, sql, selection.topics()); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long ts = rs.getLong(7);
                        if (selection.admits(ts)) {
                            String topic = rs.getString(2);
                            String ref = topicRef(git, topic, renamed);
                            sort.add(new SortBuffer.Entry("", rs.getString(1) + '\u0000' + "shiplog/" + topic,
                                    new Object[] {MESSAGE, "shiplog/" + topic, rs.getString(3), rs.getLong(4),
                                        rs.getString(5), rs.getString(6), null, null, null, null, null, ts, ref}));
                        }
                    }
                }
            }
        }
    }

    /** Returns the head ref of {@code topic}: the shiplog spelling unless only the messages one exists. */
    private static String topicRef(Repository git, String topic, Set<String> renamed) throws IOException {
        String shiplog = "refs/gatos/shiplog/" + topic + "/head";
        if (renamed.contains(topic)) {
            return "refs/gatos/messages/" + topic + "/head";
        }
        if (git.exactRef(shiplog) == null && git.exactRef("refs/gatos/messages/" + topic + "/head") != null) {
            renamed.add(topic);
            return "refs/gatos/messages/" + topic + "/head";
        }
        return shiplog;
    }

    private static String in(String column, List<String> values) {
        if (values == null) {
            return "";
        }
        return " WHERE \"" + column + "\" IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
    }

    private static PreparedStatement prepare(Connection c, String sql, List<String> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
        }
        return ps;
    }

    private static Result write(Repository git, Iterator<SortBuffer.Entry> rows, Writer writer, ExportObserver obs)
            throws IOException {
        Set<String> streams = new HashSet<>();
        List<Object[]> sameId = new ArrayList<>();
        String lastId = null;
        long n = 0;
        try (ObjectReader reader = git.newObjectReader()) {
            while (rows.hasNext()) {
                SortBuffer.Entry row = rows.next();
                Object[] v = row.values();
                String id = row.key().substring(0, row.key().indexOf('\u0000'));
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
                writer.write(line(reader, id, v).toJson());
                writer.write('\n');
                streams.add((String) v[STREAM]);
                if (++n % PROGRESS_EVERY == 0) {
                    obs.batch("ndjson", n);
                }
            }
        }
        obs.tableDone("ndjson", n);
        return new Result(n, streams.size());
    }

    private static EventLine line(ObjectReader reader, String id, Object[] v) throws IOException {
        String commitId = (String) v[COMMIT];
        byte[] raw;
        try {
            raw = reader.open(ObjectId.fromString(commitId), Constants.OBJ_COMMIT).getCachedBytes();
        } catch (MissingObjectException e) {
            throw new MaterializeException(Code.LEDGER, "commit " + commitId + " of " + v[STREAM] + " is missing", e);
        }
        RevCommit commit = RevCommit.parse(raw);
        byte[] envelope;
        try (TreeWalk walk = TreeWalk.forPath(reader, ENVELOPE, commit.getTree())) {
            if (walk == null) {
                throw new MaterializeException(Code.LEDGER, "commit " + commitId + " of " + v[STREAM] + " (ULID "
                        + id + ") has no " + ENVELOPE + "; nothing to export for it");
            }
            envelope = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
        }
        EventLine.Meta meta = new EventLine.Meta((String) v[REF], (String) v[ACTOR], (String) v[CAPS],
                (String) v[POLICY_ROOT], (String) v[SIG_ALG], (String) v[EVENT_CID], envelope,
                identLine(raw, RawParseUtils.author(raw, 0)), identLine(raw, RawParseUtils.committer(raw, 0)),
                commit.getFullMessage());
        return new EventLine(id, (String) v[STREAM], (String) v[TYPE], ((Number) v[POS]).longValue(), commitId,
                (String) v[DATA], meta, Instant.ofEpochMilli(((Number) v[TS]).longValue()).toString());
    }

    /** Returns the ident line starting at {@code start} exactly as the raw commit holds it, up to its line end. */
    private static String identLine(byte[] raw, int start) {
        if (start < 0) {
            return "";
        }
        int end = RawParseUtils.nextLF(raw, start) - 1;
        return RawParseUtils.decode(raw, start, end);
    }

    /** Passes writes through and ignores close, so closing the gzip or text layers never closes the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
