package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Trailers;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.StateCheckpoint;
import io.gatos.sql.ledger.StateNode;
import io.gatos.sql.ledger.decode.NodeShapes;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads state checkpoints and their nodes (LAYOUT §4) lazily: state refs in name order, each chain
 * newest first along first parents; a checkpoint reachable from several state refs is reported
 * once, under the first ref. A {@code namespaces} restriction chooses which refs are walked; a
 * {@code stateRefs} restriction still walks the admitted chains' commit headers (a row needs its
 * namespace) but reads the trees and blobs of the wanted checkpoints only, and stops once all are
 * found. A null set means no restriction. In a based snapshot only the checkpoints above each
 * state ref's base head are read. Streams must be closed; they release one object reader.
 *
 * <p>{@link #checkpoints} reports chain findings ({@code MISSING_OBJECT}, {@code UNEXPECTED_OBJECT})
 * and {@code BAD_TRAILER} for a missing required trailer or one of the wrong form (the value is
 * still reported). {@link #nodes} reports missing trees and blobs and {@code *.json} nodes that are
 * not JSON. Node digests and shapes cost one streaming pass over each distinct blob (a small cache
 * spares blobs shared by successive checkpoints), never holding a large blob whole.
 */
public final class StateScan {
    /** Prefix of state refs. */
    public static final String PREFIX = StateChain.PREFIX;

    private static final Pattern BLAKE3 = Pattern.compile("blake3:[0-9a-f]{64}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final int CACHE_ENTRIES = 1024;

    /** A required trailer and the form its value must have (null: any non-blank text). */
    private record Rule(String key, Pattern format, String expected) {
    }

    private static final List<Rule> REQUIRED = List.of(
            new Rule("State-Root", BLAKE3, "blake3:<64 lowercase hex>"),
            new Rule("Ledger-Head", COMMIT, "a 40-hex commit id"),
            new Rule("Policy-Root", COMMIT, "a 40-hex commit id"),
            new Rule("Policy-Code-Root", SHA256, "sha256:<64 lowercase hex>"),
            new Rule("Fold-Engine", null, null),
            new Rule("Fold-Root", SHA256, "sha256:<64 lowercase hex>"));

    private StateScan() {
    }

    /** Returns a lazy stream of the checkpoints admitted; close it to release the reader. */
    public static Stream<StateCheckpoint> checkpoints(LedgerSnapshot snapshot, Set<String> namespaces,
            Set<String> stateRefs, Consumer<Finding> findings) {
        GitObjects objects = snapshot.openObjects();
        StateChain chain = new StateChain(objects, snapshot, namespaces, stateRefs, findings);
        return LazyStream.of(() -> {
            StateChain.Entry e = chain.next();
            return e == null ? null : checkpoint(e, findings);
        }, objects);
    }

    /** Returns a lazy stream of every blob of every admitted checkpoint; close it to release the reader. */
    public static Stream<StateNode> nodes(LedgerSnapshot snapshot, Set<String> namespaces, Set<String> stateRefs,
            Consumer<Finding> findings) {
        GitObjects objects = snapshot.openObjects();
        StateChain chain = new StateChain(objects, snapshot, namespaces, stateRefs, findings);
        Map<ObjectId, Digested> cache = lru(CACHE_ENTRIES);
        return LazyStream.of(new LazyStream.Source<>() {
            private StateChain.Entry entry;
            private Iterator<StateChain.Blob> blobs = Collections.emptyIterator();

            @Override
            public StateNode next() throws IOException {
                while (true) {
                    while (blobs.hasNext()) {
                        StateNode node = node(objects, entry, blobs.next(), cache, findings);
                        if (node != null) {
                            return node;
                        }
                    }
                    entry = chain.next();
                    if (entry == null) {
                        return null;
                    }
                    blobs = StateChain.blobs(objects, entry, findings).iterator();
                }
            }
        }, objects);
    }

    private static StateCheckpoint checkpoint(StateChain.Entry e, Consumer<Finding> findings) {
        GitCommit c = e.commit();
        Trailers t = c.trailers();
        for (Rule rule : REQUIRED) {
            check(e, rule, t.first(rule.key()), findings);
        }
        return new StateCheckpoint(c.id(), e.ns(), c.firstParent(), e.head(), t.first("State-Root"),
                t.first("Ledger-Head"), t.first("Policy-Root"), t.first("Policy-Code-Root"), t.first("Fold-Engine"),
                t.first("Fold-Root"), t.first("Fold-Version"), c.committerMillis(), e.ref());
    }

    private static void check(StateChain.Entry e, Rule rule, String value, Consumer<Finding> findings) {
        String problem = null;
        if (value == null || value.isBlank()) {
            problem = "checkpoint has no " + rule.key() + " trailer (required by LAYOUT §4)";
        } else if (rule.format() != null && !rule.format().matcher(value).matches()) {
            problem = rule.key() + " '" + value + "' is not " + rule.expected();
        }
        if (problem != null) {
            findings.accept(new Finding(e.ref(), e.commit().id(), null, FindingCode.BAD_TRAILER, problem));
        }
    }

    private static StateNode node(GitObjects objects, StateChain.Entry e, StateChain.Blob b,
            Map<ObjectId, Digested> cache, Consumer<Finding> findings) throws IOException {
        Digested d = cache.get(b.id());
        if (d == null) {
            try {
                d = digest(objects, b.id());
            } catch (MissingObjectException x) {
                findings.accept(StateChain.missingBlob(e, b));
                return null;
            }
            cache.put(b.id(), d);
        }
        if (d.shape().equals(NodeShapes.BYTES) && StateChain.namedJson(b.path())) {
            findings.accept(StateChain.notJson(e, b));
        }
        String stateRef = e.commit().id();
        return new StateNode(stateRef + ":" + b.path(), stateRef, e.ns(), b.path(), d.digest(), b.id().name(),
                d.size(), d.shape());
    }

    /** A blob's BLAKE3 digest ({@code blake3:<hex>}), size and shape. */
    record Digested(String digest, long size, String shape) {
    }

    /** Streams blob {@code id} once through BLAKE3 and the shape builder. */
    static Digested digest(GitObjects objects, ObjectId id) throws IOException {
        Blake3 hasher = Blake3.newHasher();
        NodeShapes.Builder shape = NodeShapes.builder();
        long[] size = {0};
        objects.stream(id, (buf, n) -> {
            hasher.update(buf, 0, n);
            shape.feed(buf, n);
            size[0] += n;
        });
        return new Digested("blake3:" + HexFormat.of().formatHex(hasher.digest()), size[0], shape.finish());
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
