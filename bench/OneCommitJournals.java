import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a {@code git fast-import} stream of N journals of one commit each (the row cache's worst
 * case: one segment file per journal), to standard output:
 *
 * <pre>
 * java bench/OneCommitJournals.java 20000 | git --git-dir=L.git fast-import --quiet
 * </pre>
 *
 * <p>Each commit is laid out as the ledger writer lays out an event: {@code message/envelope.json}
 * (actor, payload, ts, type, ulid) and the event type as the message; journals are
 * {@code refs/gatos/journal/ns<i % 10>/actor<i>}, times one second apart from 2026-01-01. The
 * Event-CID trailer is left out (the reader does not check it; it is a nullable column).
 */
public final class OneCommitJournals {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        try (PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false,
                StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                long ts = BASE + i * 1000L;
                String envelope = "{\"actor\":\"user:actor" + i + "\",\"payload\":{\"n\":" + i + "},\"ts\":\""
                        + Instant.ofEpochMilli(ts) + "\",\"type\":\"thing.done\",\"ulid\":\"" + ulid(ts, i) + "\"}";
                byte[] blob = envelope.getBytes(StandardCharsets.UTF_8);
                String message = "thing.done\n";
                out.print("commit refs/gatos/journal/ns" + i % 10 + "/actor" + i + "\n");
                out.print("committer gatos-ledger <ledger@gatos.local> " + ts / 1000 + " +0000\n");
                out.print("data " + message.length() + "\n" + message);
                out.print("M 100644 inline message/envelope.json\n");
                out.print("data " + blob.length + "\n");
                out.write(blob);
                out.print("\n\n");
            }
        }
    }

    /** Returns a ULID of time {@code ms} whose random part is {@code seq}. */
    private static String ulid(long ms, long seq) {
        char[] c = new char[26];
        for (int i = 9; i >= 0; i--) {
            c[i] = CROCKFORD.charAt((int) (ms & 31));
            ms >>>= 5;
        }
        for (int i = 25; i >= 10; i--) {
            c[i] = CROCKFORD.charAt((int) (seq & 31));
            seq >>>= 5;
        }
        return new String(c);
    }

    private OneCommitJournals() {
    }
}
