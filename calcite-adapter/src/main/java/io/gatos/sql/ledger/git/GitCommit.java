package io.gatos.sql.ledger.git;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Trailers;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one parsed Git commit object: ids as 40-hex strings, identities as {@code Name <email>},
 * the committer time in epoch milliseconds, and the message. {@link #parse} costs one pass over the
 * raw bytes and allocates only the result. A committer time that is not a number of seconds, or
 * lies outside 0001-01-01..9999-12-31 UTC (the SQL TIMESTAMP range), reads as 0 (the epoch) and
 * {@code timeProblem} (else null) says why; the readers report it as {@code BAD_TIME}.
 */
public record GitCommit(String id, String tree, List<String> parents, String author, String committer,
        long committerMillis, String message, boolean messageWasValidUtf8, String timeProblem) {
    /** Seconds of 0001-01-01T00:00:00Z, the earliest committer time read as written. */
    public static final long MIN_SECONDS = -62_135_596_800L;
    /** Seconds of 9999-12-31T23:59:59Z, the latest committer time read as written. */
    public static final long MAX_SECONDS = 253_402_300_799L;

    /** Copies the parent list and checks the required parts. */
    public GitCommit {
        requireNonNull(id, "id");
        requireNonNull(tree, "tree");
        parents = List.copyOf(parents);
        requireNonNull(author, "author");
        requireNonNull(committer, "committer");
        requireNonNull(message, "message");
    }

    /** Returns the first parent, or null for a root commit. */
    public String firstParent() {
        return parents.isEmpty() ? null : parents.get(0);
    }

    /** Returns the trailers of the message. */
    public Trailers trailers() {
        return Trailers.parse(message);
    }

    /** Returns the first line of the message. */
    public String subject() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Parses the raw bytes of a commit object (without the {@code commit <size>\0} header).
     *
     * @throws IllegalArgumentException when the bytes are not a commit
     */
    public static GitCommit parse(String id, byte[] raw) {
        int pos = 0;
        String tree = null;
        String author = null;
        String committer = null;
        String time = null;
        Charset charset = StandardCharsets.UTF_8;
        List<String> parents = new ArrayList<>(1);
        while (pos < raw.length && raw[pos] != '\n') {
            int end = lineEnd(raw, pos);
            String line = new String(raw, pos, end - pos, StandardCharsets.UTF_8);
            pos = end + 1;
            if (line.startsWith("tree ")) {
                tree = line.substring(5);
            } else if (line.startsWith("parent ")) {
                parents.add(line.substring(7));
            } else if (line.startsWith("author ")) {
                author = identity(line.substring(7));
            } else if (line.startsWith("committer ")) {
                committer = identity(line.substring(10));
                time = timeField(line.substring(10));
            } else if (line.startsWith("encoding ")) {
                charset = charset(line.substring(9).trim());
            }
        }
        if (tree == null || committer == null) {
            throw new IllegalArgumentException("commit " + id + " has no tree or committer header");
        }
        int bodyStart = Math.min(pos + 1, raw.length);
        Decoded message = decode(raw, bodyStart, charset);
        String problem = timeProblem(time);
        return new GitCommit(id, tree, parents, author == null ? committer : author, committer,
                problem == null ? Long.parseLong(time) * 1000L : 0, message.text(), message.valid(), problem);
    }

    /** Returns why {@code seconds} (a committer time field, nullable) is not a time the catalog holds, or null. */
    static String timeProblem(String seconds) {
        long value;
        try {
            value = Long.parseLong(seconds == null ? "" : seconds);
        } catch (NumberFormatException e) {
            return "committer time '" + seconds + "' is not a number of seconds since the epoch";
        }
        return value < MIN_SECONDS || value > MAX_SECONDS
                ? "committer time '" + seconds + "' is outside 0001-01-01..9999-12-31" : null;
    }

    private record Decoded(String text, boolean valid) {
    }

    private static Decoded decode(byte[] raw, int from, Charset charset) {
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(java.nio.ByteBuffer.wrap(raw, from, raw.length - from)).toString(), true);
        } catch (java.nio.charset.CharacterCodingException e) {
            return new Decoded(new String(raw, from, raw.length - from, charset), false);
        }
    }

    private static int lineEnd(byte[] raw, int from) {
        int i = from;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Returns {@code Name <email>} from a {@code Name <email> seconds zone} header value. */
    static String identity(String value) {
        int close = value.lastIndexOf('>');
        return close < 0 ? value.trim() : value.substring(0, close + 1).trim();
    }

    /** Returns the seconds field of a {@code Name <email> seconds zone} header value as written ("" when absent). */
    static String timeField(String value) {
        int close = value.lastIndexOf('>');
        return value.substring(close + 1).trim().split(" ")[0];
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
