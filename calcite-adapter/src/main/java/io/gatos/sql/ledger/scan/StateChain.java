package io.gatos.sql.ledger.scan;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Iterates the checkpoint commits of every admitted {@code refs/gatos/state/<ns>} (LAYOUT §4), refs
 * in name order and each chain newest first along first parents, reading commit headers only.
 * A checkpoint reachable from several state refs is yielded once, under the first ref in name
 * order (the later walk stops where it meets history already yielded). With a {@code stateRefs}
 * restriction, ids that are not present objects are dropped up front and the walk ends as soon as
 * every wanted checkpoint has been found. In a based snapshot each chain is walked down to the
 * ref's base head only (the oldest checkpoint yielded then has that base head as its parent, and
 * {@code head} is still true only for the ref's current head). Not thread-safe; borrows the
 * {@link GitObjects} it is given.
 */
final class StateChain {
    /** Prefix of state refs. */
    static final String PREFIX = Plane.STATE.prefix();

    /** One checkpoint: the ref and namespace it was reached through, and whether it is the ref's head. */
    record Entry(String ref, String ns, GitCommit commit, boolean head) {
    }

    /** One blob of a checkpoint tree. */
    record Blob(String path, ObjectId id) {
    }

    private final GitObjects objects;
    private final LedgerSnapshot snapshot;
    private final Iterator<Map.Entry<String, String>> refs;
    private final Set<String> stateRefs;
    private final Consumer<Finding> findings;
    private final Set<ObjectId> seen = new HashSet<>();
    private final Set<String> found = new HashSet<>();
    private Set<String> wanted;
    private ChainWalk walk;
    private String ref;
    private String ns;
    private String head;
    private boolean done;

    StateChain(GitObjects objects, LedgerSnapshot snapshot, Set<String> namespaces, Set<String> stateRefs,
            Consumer<Finding> findings) {
        this.objects = objects;
        this.snapshot = snapshot;
        this.refs = refs(snapshot, namespaces).iterator();
        this.stateRefs = stateRefs;
        this.findings = findings;
    }

    /** Returns the admitted state refs in name order, each with its namespace. */
    static List<Map.Entry<String, String>> refs(LedgerSnapshot snapshot, Set<String> namespaces) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String name : snapshot.refsUnder(PREFIX).keySet()) {
            String ns = namespaceOf(name);
            if (ns != null && (namespaces == null || namespaces.contains(ns))) {
                out.add(Map.entry(name, ns));
            }
        }
        return out;
    }

    /** Returns the namespace of state ref {@code ref}, or null when it is not a state ref. */
    static String namespaceOf(String ref) {
        if (!ref.startsWith(PREFIX)) {
            return null;
        }
        String ns = ref.substring(PREFIX.length());
        return !ns.isEmpty() && ns.indexOf('/') < 0 ? ns : null;
    }

    /** Returns the next checkpoint, or null at the end. */
    Entry next() throws IOException {
        if (wanted == null && stateRefs != null) {
            wanted = present(stateRefs);
            done = wanted.isEmpty();
        }
        while (!done) {
            if (walk == null && !openNext()) {
                done = true;
                break;
            }
            GitCommit commit = walk.next();
            if (commit == null) {
                walk = null;
            } else if (admit(commit)) {
                return new Entry(ref, ns, commit, commit.id().equals(head));
            }
        }
        return null;
    }

    private boolean openNext() {
        if (!refs.hasNext()) {
            return false;
        }
        var next = refs.next();
        ref = next.getKey();
        ns = next.getValue();
        head = snapshot.head(ref).name();
        walk = ChainWalk.since(objects, snapshot, ref, null, findings);
        return true;
    }

    private boolean admit(GitCommit commit) {
        if (wanted != null) {
            if (!wanted.contains(commit.id()) || !found.add(commit.id())) {
                return false;
            }
            done = found.size() == wanted.size();
            return true;
        }
        ObjectId id = ObjectId.fromString(commit.id());
        if (seen.contains(id)) {
            walk = null; // everything older was yielded through an earlier ref
            return false;
        }
        if (refs.hasNext()) {
            seen.add(id);
        }
        return true;
    }

    private Set<String> present(Set<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (id != null && id.length() == 40 && ObjectId.isId(id) && id.equals(id.toLowerCase(Locale.ROOT))
                    && objects.has(ObjectId.fromString(id))) {
                out.add(id);
            }
        }
        return out;
    }

    /** Lists every blob of {@code e}'s tree in path order; a missing tree object ends the list with a finding. */
    static List<Blob> blobs(GitObjects objects, Entry e, Consumer<Finding> findings) throws IOException {
        List<Blob> out = new ArrayList<>();
        try {
            objects.blobs(e.commit().tree(), (path, id) -> out.add(new Blob(path, id.copy())));
        } catch (MissingObjectException x) {
            findings.accept(new Finding(e.ref(), e.commit().id(), null, FindingCode.MISSING_OBJECT, "tree object "
                    + x.getObjectId().name() + " of the checkpoint is missing; nodes below it are skipped"));
        }
        return out;
    }

    /** Returns the finding for a blob of {@code e} that is missing. */
    static Finding missingBlob(Entry e, Blob b) {
        return new Finding(e.ref(), e.commit().id(), b.path(), FindingCode.MISSING_OBJECT, "blob " + b.id().name()
                + " of the checkpoint is missing (shallow or partial clone?); the node is skipped");
    }

    /** Returns whether {@code path} is named like a JSON file. */
    static boolean namedJson(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Returns the finding for a node of {@code e} named {@code *.json} that is not JSON. */
    static Finding notJson(Entry e, Blob b) {
        return new Finding(e.ref(), e.commit().id(), b.path(), FindingCode.BAD_JSON,
                "state node is named *.json but is not one valid UTF-8 JSON value");
    }
}
