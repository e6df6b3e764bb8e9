package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.scan.Frontier;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.TopicSpelling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes a ledger, takes the snapshot a previous export saw ({@link #before}), writes more on every
 * history plane (old and new journals, both topic spellings, a state checkpoint, pointers) and
 * offers the later snapshot whole ({@link #after}) and based on the earlier one ({@link #based}).
 * Reads through its own {@link LedgerRepository}, so {@link #stats} counts only its snapshots.
 */
public final class BasedLedger implements AutoCloseable {
    public static final String ALICE = "refs/gatos/journal/orders/alice";
    public static final String CAROL = "refs/gatos/journal/orders/carol";
    public static final String CHAT = "refs/gatos/shiplog/chat/head";
    public static final String NEWS = "refs/gatos/messages/news/head";
    public static final String STATE = "refs/gatos/state/orders";

    private final LedgerTestRepository repo;
    private final LedgerRepository reader;
    private final LedgerSnapshot before;
    private final LedgerSnapshot after;

    private BasedLedger(LedgerTestRepository repo, int oldEvents) {
        this.repo = repo;
        repo.event("orders", "alice", "a.old", pointer("11"));
        for (int i = 1; i < oldEvents; i++) {
            repo.event("orders", "alice", "a.old", "{\"i\":" + i + "}");
        }
        repo.event("orders", "bob", "b.old", "{}");
        repo.message("chat", "{\"n\":1}");
        repo.message("chat", "{\"n\":2}");
        news("{\"n\":1}");
        repo.state("orders", Map.of("state/orders.json", "{\"file\":" + pointer("22") + "}"));
        repo.audit("log", "old audit");
        this.reader = LedgerRepository.open(repo.path());
        this.before = reader.snapshot();
        repo.event("orders", "alice", "a.new", pointer("33"));
        repo.event("orders", "alice", "a.new", "{}");
        repo.event("orders", "carol", "c.new", "{}");
        repo.message("chat", "{\"n\":3}");
        news("{\"n\":2}");
        repo.state("orders", Map.of("state/orders.json", "{\"file\":" + pointer("44") + "}", "notes.txt", "new"));
        repo.path();
        this.after = reader.snapshot();
    }

    /** Writes the ledger at {@code dir} with {@code oldEvents} (at least 1) events on alice before the export. */
    public static BasedLedger create(Path dir, int oldEvents) {
        return new BasedLedger(LedgerTestRepository.create(dir), oldEvents);
    }

    private void news(String payload) {
        repo.writer().appendMessage("news", repo.messageSpec("news", "note", payload)
                .withSpelling(TopicSpelling.MESSAGES));
    }

    private static String pointer(String hexByte) {
        return "{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + hexByte.repeat(32) + "\",\"size\":7}";
    }

    /** Returns the test repository, for further writes. */
    public LedgerTestRepository repo() {
        return repo;
    }

    /** Returns the reader whose stats count the reads of every snapshot here. */
    public LedgerRepository reader() {
        return reader;
    }

    /** Returns the snapshot the previous export saw. */
    public LedgerSnapshot before() {
        return before;
    }

    /** Returns the later snapshot, unbased. */
    public LedgerSnapshot after() {
        return after;
    }

    /** Returns the later snapshot based on what {@link #before} holds, lengths measured from scratch. */
    public LedgerSnapshot based() {
        return after.withBase(Frontier.measure(before, Map.of()).asBase());
    }

    /** Returns the ids of every commit reachable from {@code snapshot}'s refs, via JGit's own walk. */
    public Set<String> reachable(LedgerSnapshot snapshot) {
        Set<String> out = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo.repository())) {
            for (ObjectId head : snapshot.refs().values()) {
                if (walk.parseAny(head) instanceof RevCommit c) {
                    walk.markStart(c);
                }
            }
            walk.forEach(c -> out.add(c.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Returns the rows {@code scan} yields on {@link #after} except those it yields on {@link #before}
     * (compared by the commit {@code commitOf} gives): what a based scan should yield, in order.
     */
    public <T> List<T> added(Function<LedgerSnapshot, Stream<T>> scan, Function<T, String> commitOf) {
        Set<String> old = new HashSet<>(rows(before, scan).stream().map(commitOf).toList());
        return rows(after, scan).stream().filter(r -> !old.contains(commitOf.apply(r))).toList();
    }

    /** Returns the rows {@code scan} yields on {@code snapshot}, closing the stream. */
    public static <T> List<T> rows(LedgerSnapshot snapshot, Function<LedgerSnapshot, Stream<T>> scan) {
        try (Stream<T> rows = scan.apply(requireNonNull(snapshot, "snapshot"))) {
            return rows.toList();
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            repo.close();
        }
    }
}
