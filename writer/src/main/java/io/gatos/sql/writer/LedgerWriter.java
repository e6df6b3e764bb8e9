package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.layout.TreePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes GATOS ledger data (LAYOUT §1-8) into a Git repository with JGit, deterministically: the
 * same calls with the same times give the same commit ids. Author and committer are the identity
 * of the {@link WriterOptions} (default {@code gatos-ledger <ledger@gatos.local>}) at the given
 * instant in UTC. Every append takes the ref's current head (as this writer sees it) as parent.
 *
 * <p>In PACKED mode objects stream into one pack at a time and refs move only when a pack is
 * flushed (every N objects, on {@link #flush()} and on {@link #close()}); in LOOSE mode every
 * write is visible when it returns. Must be closed; not thread-safe. I/O failures surface as
 * {@link UncheckedIOException}.
 */
public final class LedgerWriter implements AutoCloseable {
    private final GitStore store;

    private LedgerWriter(GitStore store) {
        this.store = requireNonNull(store, "store");
    }

    /** Initializes a new repository at {@code dir} and returns a PACKED writer on it. */
    public static LedgerWriter create(Path dir, boolean bare) {
        return create(dir, bare, WriterOptions.packed());
    }

    /** Initializes a new repository at {@code dir} (bare or with a work tree) and returns a writer on it. */
    public static LedgerWriter create(Path dir, boolean bare, WriterOptions options) {
        requireNonNull(options, "options");
        GitStore.init(dir, bare);
        return open(dir, options);
    }

    /** Opens the existing repository at {@code dir} (a bare repository or a work tree) in PACKED mode. */
    public static LedgerWriter open(Path dir) {
        return open(dir, WriterOptions.packed());
    }

    /** Opens the existing repository at {@code dir}; throws IllegalArgumentException when there is none. */
    public static LedgerWriter open(Path dir, WriterOptions options) {
        return Unchecked.io(() -> new LedgerWriter(GitStore.open(dir, options)));
    }

    /** Returns the repository written to; call {@link #flush()} first to read PACKED writes. */
    public Repository repository() {
        return store.repository();
    }

    /** Returns {@code refs/gatos/journal/<ns>/<actorSegment>}. */
    public static String journalRef(String ns, String actorSegment) {
        return Plane.JOURNAL.prefix() + requireNonNull(ns, "ns") + "/"
                + requireNonNull(actorSegment, "actorSegment");
    }

    /** Appends event {@code e} to journal {@code ns/actorSegment}; returns the new commit id. */
    public ObjectId appendEvent(String ns, String actorSegment, EventSpec e) {
        String ref = journalRef(ns, actorSegment);
        return Unchecked.io(() -> writeEvent(ref, e, store.parentsOf(ref)));
    }

    /** Appends a merge of the journal head and {@code otherParent} carrying event {@code e} (LAYOUT forbids it). */
    public ObjectId appendMerge(String ns, String actorSegment, ObjectId otherParent, EventSpec e) {
        String ref = journalRef(ns, actorSegment);
        return Unchecked.io(() -> {
            List<ObjectId> parents = new ArrayList<>(store.parentsOf(ref));
            parents.add(requireNonNull(otherParent, "otherParent"));
            return writeEvent(ref, e, parents);
        });
    }

    /**
     * Appends a commit holding {@code envelopeBytes} verbatim (malformed envelopes), with message
     * {@code firstLine} and an {@code Event-CID} trailer of their BLAKE3 digest.
     */
    public ObjectId appendRawEvent(String ns, String actorSegment, String firstLine, byte[] envelopeBytes,
            Instant time) {
        String ref = journalRef(ns, actorSegment);
        String message = CommitMessage.of(firstLine, Map.of("Event-CID", Blake3.prefixed(envelopeBytes)));
        return Unchecked.io(() -> append(ref, Map.of(TreePaths.ENVELOPE, envelopeBytes), message, time));
    }

    private ObjectId writeEvent(String ref, EventSpec e, List<ObjectId> parents) throws IOException {
        byte[] envelope = Documents.event(e);
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("Event-CID", e.eventCid() != null ? e.eventCid() : Blake3.prefixed(envelope));
        if (e.sigAlg() != null) {
            trailers.put("Sig-Alg", e.sigAlg());
            trailers.put("Sig", e.sigAlg() + ":" + Blake3.hex(envelope)
                    + Blake3.hex(e.ulid().getBytes(StandardCharsets.UTF_8)));
        }
        ObjectId tree = store.tree(Map.of(TreePaths.ENVELOPE, envelope));
        ObjectId commit = store.commit(tree, CommitMessage.of(e.type(), trailers), parents, e.time());
        store.setRef(ref, commit);
        return commit;
    }

    /**
     * Appends message {@code m} to {@code topic} under {@code m.spelling()}; the envelope is canonical
     * JSON and {@code Content-Id} its BLAKE3 digest unless overridden. Costs one canonical re-parse
     * of the payload; throws IllegalArgumentException when {@code m.payloadJson()} does not parse.
     */
    public ObjectId appendMessage(String topic, MessageSpec m) {
        String ref = m.spelling().refName(topic);
        byte[] envelope = Documents.message(m);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TreePaths.ENVELOPE, envelope);
        if (m.attachments() != null) {
            m.attachments().forEach((name, bytes) -> files.put("message/attachments/" + name, bytes));
        }
        String cid = m.contentIdOverride() != null ? m.contentIdOverride() : Blake3.prefixed(envelope);
        String message = CommitMessage.of(m.type(),
                CommitMessage.trailers("Event-Id", "ulid:" + m.ulid(), "Content-Id", cid));
        return Unchecked.io(() -> append(ref, files, message, m.time()));
    }

    /**
     * Points {@code refs/gatos/consumers/<group>/<topic>} at a new root commit whose tree holds
     * {@code checkpoint.json}; null {@code commitOid} or {@code ulid} are left out of the JSON.
     */
    public ObjectId checkpointCommit(String group, String topic, String commitOid, String ulid, Instant time) {
        String ref = consumerRef(group, topic);
        byte[] json = Documents.checkpoint(commitOid, ulid);
        return Unchecked.io(() -> commitTo(ref, Map.of(TreePaths.CONSUMER_CHECKPOINT, json),
                CommitMessage.of("checkpoint " + group + "/" + topic, Map.of()), List.of(), time));
    }

    /** Points {@code refs/gatos/consumers/<group>/<topic>} straight at a checkpoint blob (older writers). */
    public ObjectId checkpointBlob(String group, String topic, String commitOid, String ulid) {
        String ref = consumerRef(group, topic);
        return Unchecked.io(() -> {
            ObjectId blob = store.blob(Documents.checkpoint(commitOid, ulid));
            store.setRef(ref, blob);
            return blob;
        });
    }

    private static String consumerRef(String group, String topic) {
        return Plane.CONSUMER.prefix() + requireNonNull(group, "group") + "/" + requireNonNull(topic, "topic");
    }

    /** Appends a checkpoint of {@code files} (path to bytes) to {@code refs/gatos/state/<ns>}. */
    public ObjectId stateCheckpoint(String ns, Map<String, byte[]> files, StateTrailers t, Instant time) {
        String message = CommitMessage.of("checkpoint " + ns, t.toMap());
        return Unchecked.io(() -> append(Plane.STATE.prefix() + ns, files, message, time));
    }

    /** Appends a job commit holding {@code fileName} (job.yaml or job.json) to {@code refs/gatos/jobs/<hex>/job}. */
    public ObjectId job(String jobHex, String fileName, byte[] manifest, Instant time) {
        String message = CommitMessage.of("job", Map.of("Job-Id", "blake3:" + jobHex));
        return Unchecked.io(() -> append(jobRef(jobHex) + "/job", Map.of(fileName, manifest), message, time));
    }

    /**
     * Appends a claim by {@code workerId} at {@code refs/gatos/jobs/<hex>/claims/<key>}, where
     * {@code <key>} is the part of the id after its last colon; the tree holds {@code claim.json}
     * and, when {@code started}, {@code started.json}.
     */
    public ObjectId claim(String jobHex, String workerId, boolean started, Instant time) {
        String ref = jobRef(jobHex) + "/claims/" + workerId.substring(workerId.lastIndexOf(':') + 1);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("claim.json", Documents.object(Map.of("job_id", "blake3:" + jobHex, "worker_id", workerId)));
        if (started) {
            files.put(TreePaths.JOB_STARTED, Documents.object(Map.of("started_at", time.toString())));
        }
        String message = CommitMessage.of("claim",
                CommitMessage.trailers("Job-Id", "blake3:" + jobHex, "Worker-Id", workerId));
        return Unchecked.io(() -> append(ref, files, message, time));
    }

    /** Appends a result commit with {@code trailers} (in order) and, when non-null, {@code poe.json}. */
    public ObjectId result(String jobHex, Map<String, String> trailers, byte[] poeJson, Instant time) {
        Map<String, byte[]> files = poeJson == null ? Map.of() : Map.of(TreePaths.JOB_POE, poeJson);
        return Unchecked.io(() -> append(jobRef(jobHex) + "/result", files, CommitMessage.of("result", trailers),
                time));
    }

    private static String jobRef(String jobHex) {
        return Plane.JOB.prefix() + requireNonNull(jobHex, "jobHex");
    }

    /** Appends to {@code refs/gatos/proposals/<hex>} a commit with {@code proposal.json} (null body: none). */
    public ObjectId proposal(String proposalHex, Map<String, String> trailers, String bodyJson, Instant time) {
        return artifact(Plane.PROPOSAL.prefix() + proposalHex, "proposal", trailers, bodyJson, time);
    }

    /** Appends to {@code refs/gatos/approvals/<p>/<a>} a commit with {@code approval.json} (null body: none). */
    public ObjectId approval(String proposalHex, String approvalHex, Map<String, String> trailers, String bodyJson,
            Instant time) {
        String ref = Plane.APPROVAL.prefix() + proposalHex + "/" + approvalHex;
        return artifact(ref, "approval", trailers, bodyJson, time);
    }

    /** Appends to {@code refs/gatos/grants/<p>} a commit with {@code grant.json} (null body: none). */
    public ObjectId grant(String proposalHex, Map<String, String> trailers, String bodyJson, Instant time) {
        return artifact(Plane.GRANT.prefix() + proposalHex, "grant", trailers, bodyJson, time);
    }

    /** Appends to {@code refs/gatos/revocations/<g>} a commit with {@code revocation.json} (null body: none). */
    public ObjectId revocation(String grantHex, Map<String, String> trailers, String bodyJson, Instant time) {
        return artifact(Plane.REVOCATION.prefix() + grantHex, "revocation", trailers, bodyJson, time);
    }

    private ObjectId artifact(String ref, String kind, Map<String, String> trailers, String body, Instant time) {
        Map<String, byte[]> files = body == null ? Map.of()
                : Map.of(kind + ".json", body.getBytes(StandardCharsets.UTF_8));
        return Unchecked.io(() -> append(ref, files, CommitMessage.of(kind, trailers), time));
    }

    /** Appends a policy bundle commit (tree {@code bundle.json}) to {@code refs/gatos/policies/<bundleId>}. */
    public ObjectId policy(String bundleId, Map<String, String> trailers, Instant time) {
        Map<String, byte[]> files = Map.of("bundle.json", Documents.object(Map.of("bundle_id", bundleId)));
        return Unchecked.io(() -> append(Plane.POLICY.prefix() + bundleId, files,
                CommitMessage.of("policy " + bundleId, trailers), time));
    }

    /** Points {@code refs/gatos/policies/active} at {@code bundleCommit}. */
    public void setActivePolicy(ObjectId bundleCommit) {
        setRef("refs/gatos/policies/active", bundleCommit);
    }

    /** Appends a commit with an empty tree and {@code message} (verbatim) to {@code refs/gatos/audit/<name>}. */
    public ObjectId audit(String name, String message, Instant time) {
        return Unchecked.io(() -> append(Plane.AUDIT.prefix() + name, Map.of(), message, time));
    }

    /** Inserts a blob and returns its id. */
    public ObjectId blob(byte[] bytes) {
        return Unchecked.io(() -> store.blob(bytes));
    }

    /**
     * Writes a commit of {@code files} with exactly {@code parents} and, when {@code refOrNull} is
     * non-null, points that ref at it; returns the commit id.
     */
    public ObjectId commit(String refOrNull, Map<String, byte[]> files, String message, List<ObjectId> parents,
            Instant time) {
        return Unchecked.io(() -> commitTo(refOrNull, files, message, List.copyOf(parents), time));
    }

    /** Points {@code name} (a full ref name under {@code refs/}) at {@code target}, forcing. */
    public void setRef(String name, ObjectId target) {
        Unchecked.run(() -> store.setRef(name, target));
    }

    /** Deletes ref {@code name} (no-op when absent). */
    public void deleteRef(String name) {
        Unchecked.run(() -> store.deleteRef(name));
    }

    /** Returns what {@code name} points at as this writer sees it (pending writes included), or null. */
    public ObjectId head(String name) {
        return Unchecked.io(() -> store.head(name));
    }

    /** Writes pending objects to disk and moves pending refs, making every write so far readable. */
    public void flush() {
        Unchecked.run(store::flush);
    }

    /** Flushes, then packs every ref into {@code packed-refs}. */
    public void packRefs() {
        Unchecked.run(store::packRefs);
    }

    /** Flushes, then runs JGit's garbage collection (one pack, packed refs); costs a full repack. */
    public void gc() {
        Unchecked.run(store::gc);
    }

    /** Flushes and closes the repository; further calls fail. */
    @Override
    public void close() {
        Unchecked.run(store::close);
    }

    private ObjectId append(String ref, Map<String, byte[]> files, String message, Instant time) throws IOException {
        return commitTo(ref, files, message, store.parentsOf(ref), time);
    }

    private ObjectId commitTo(String ref, Map<String, byte[]> files, String message, List<ObjectId> parents,
            Instant time) throws IOException {
        ObjectId commit = store.commit(store.tree(files), message, parents, time);
        if (ref != null) {
            store.setRef(ref, commit);
        }
        return commit;
    }
}
