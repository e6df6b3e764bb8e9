package io.gatos.sql.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.writer.CommitMessage;
import io.gatos.sql.writer.EventSpec;
import io.gatos.sql.writer.LedgerWriter;
import io.gatos.sql.writer.MessageSpec;
import io.gatos.sql.writer.StateTrailers;
import io.gatos.sql.writer.WriterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Builds a GATOS repository for a test through {@link LedgerWriter} with sensible defaults: the
 * n-th call happens at 2026-01-01T00:00:00Z + n seconds and gets a ULID derived from n, so every
 * run writes the same commit ids. Loose objects by default, so every write is readable at once.
 * Also reads back blobs and commits for assertions. Must be closed (use {@code try} or
 * {@code @AfterEach}); not thread-safe.
 */
public final class LedgerTestRepository implements AutoCloseable {
    /** Time of the first call. */
    public static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** Worker id used by {@link #job}. */
    public static final String WORKER = "ed25519:" + "ab".repeat(32);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path path;
    private LedgerRepository reader;
    private final LedgerWriter writer;
    private final Map<String, List<String>> approvals = new HashMap<>();
    private long counter;
    private ObjectId lastEvent;

    private LedgerTestRepository(Path path, LedgerWriter writer) {
        this.path = requireNonNull(path, "path");
        this.writer = requireNonNull(writer, "writer");
    }

    /** Creates a bare repository at {@code dir} (absent or empty) writing loose objects. */
    public static LedgerTestRepository create(Path dir) {
        return create(dir, true, WriterOptions.loose());
    }

    /** Creates a repository with a work tree at {@code dir} (absent or empty) writing loose objects. */
    public static LedgerTestRepository createNonBare(Path dir) {
        return create(dir, false, WriterOptions.loose());
    }

    /** Creates a repository at {@code dir} with explicit options (e.g. {@link WriterOptions#packed()}). */
    public static LedgerTestRepository create(Path dir, boolean bare, WriterOptions options) {
        return new LedgerTestRepository(dir, LedgerWriter.create(dir, bare, options));
    }

    /** Returns the underlying writer, for anything the shortcuts below do not cover. */
    public LedgerWriter writer() {
        return writer;
    }

    /** Flushes pending writes and returns the repository directory. */
    public Path path() {
        writer.flush();
        return path;
    }

    /** Flushes pending writes and returns {@code jdbc:gatos:repo=<path>}. */
    public String jdbcUrl() {
        return "jdbc:gatos:repo=" + path();
    }

    /** Flushes pending writes and returns the writer's repository (do not close it). */
    public Repository repository() {
        writer.flush();
        return writer.repository();
    }

    /** Returns the time of the next call and advances the clock by one second. */
    public Instant tick() {
        return BASE_TIME.plusSeconds(counter++);
    }

    /** Returns a ULID for {@code time} whose random part is derived from the current call count. */
    public String ulid(Instant time) {
        return Ulid.create(time.toEpochMilli(), new Random(counter));
    }

    /** Returns an event spec for actor {@code user:<actorName>} at the next tick. */
    public EventSpec eventSpec(String actorName, String type, String payloadJson) {
        Instant time = tick();
        return EventSpec.of(type, ulid(time), "user:" + actorName, payloadJson, time);
    }

    /** Appends an event by {@code user:<actorName>} to {@code refs/gatos/journal/<ns>/<actorName>}. */
    public ObjectId event(String ns, String actorName, String type, String payloadJson) {
        return event(ns, actorName, eventSpec(actorName, type, payloadJson));
    }

    /** Appends {@code spec} to {@code refs/gatos/journal/<ns>/<actorSegment>}. */
    public ObjectId event(String ns, String actorSegment, EventSpec spec) {
        lastEvent = writer.appendEvent(ns, actorSegment, spec);
        return lastEvent;
    }

    /** Returns a message spec (shiplog spelling) at the next tick. */
    public MessageSpec messageSpec(String ns, String type, String payloadJson) {
        Instant time = tick();
        return MessageSpec.of(ulid(time), ns, type, payloadJson, time);
    }

    /** Posts a {@code note} message with namespace {@code topic} to {@code refs/gatos/shiplog/<topic>/head}. */
    public ObjectId message(String topic, String payloadJson) {
        return message(topic, "note", payloadJson);
    }

    /** Posts a message of {@code type} with namespace {@code topic} to {@code topic}. */
    public ObjectId message(String topic, String type, String payloadJson) {
        return writer.appendMessage(topic, messageSpec(topic, type, payloadJson));
    }

    /** Writes a commit-form consumer checkpoint (either id may be null) at the next tick. */
    public ObjectId checkpoint(String group, String topic, String commitOid, String ulid) {
        return writer.checkpointCommit(group, topic, commitOid, ulid, tick());
    }

    /**
     * Appends a state checkpoint of {@code files} (path to UTF-8 text) to {@code refs/gatos/state/<ns>},
     * with State-Root = BLAKE3 of the sorted files and Ledger-Head = the last event written here.
     */
    public ObjectId state(String ns, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        StringBuilder digestInput = new StringBuilder();
        new TreeMap<>(files).forEach((p, text) -> {
            bytes.put(p, text.getBytes(StandardCharsets.UTF_8));
            digestInput.append(p).append('\0').append(text).append('\0');
        });
        String stateRoot = Blake3.prefixed(digestInput.toString().getBytes(StandardCharsets.UTF_8));
        String head = lastEvent == null ? EventSpec.DEFAULT_POLICY_ROOT : lastEvent.name();
        return writer.stateCheckpoint(ns, bytes, StateTrailers.of(stateRoot, head, EventSpec.DEFAULT_POLICY_ROOT),
                tick());
    }

    /**
     * Writes a job running {@code command} that ends in {@code status} (pending, claimed, running,
     * succeeded, failed, aborted; results carry a Job-Status trailer and poe.json); returns its hex id.
     */
    public String job(String command, String status) {
        String manifest = json(Map.of("command", command, "args", List.of(), "timeout", 60,
                "ulid", ulid(BASE_TIME.plusSeconds(counter))));
        String hex = Blake3.hex(manifest.getBytes(StandardCharsets.UTF_8));
        writer.job(hex, "job.json", manifest.getBytes(StandardCharsets.UTF_8), tick());
        if (!status.equals("pending")) {
            writer.claim(hex, WORKER, !status.equals("claimed"), tick());
        }
        if (List.of("succeeded", "failed", "aborted").contains(status)) {
            String poeStatus = status.equals("succeeded") ? "ok" : status.equals("failed") ? "fail" : status;
            byte[] poe = json(Map.of("job_id", "blake3:" + hex, "status", poeStatus)).getBytes(StandardCharsets.UTF_8);
            writer.result(hex, CommitMessage.trailers("Job-Id", "blake3:" + hex, "Proof-Of-Execution",
                    Blake3.prefixed(poe), "Worker-Id", WORKER, "Job-Status", status), poe, tick());
        }
        return hex;
    }

    /** Writes a proposal needing {@code quorum} (e.g. {@code 2-of-3}) expiring at {@code expireAt}; returns its hex. */
    public String proposal(String quorum, Instant expireAt) {
        String body = json(Map.of("action", "role.grant", "target", "user:carol", "quorum", quorum,
                "expire_at", expireAt.toString(), "seq", counter));
        String hex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        writer.proposal(hex, CommitMessage.trailers("Action", "role.grant", "Target", "user:carol", "Proposal-Id",
                "blake3:" + hex, "Required-Quorum", quorum, "Expire-At", expireAt.toString(), "Policy-Rule",
                "governance.roles", "Created-By", "user:admin"), body, tick());
        return hex;
    }

    /** Approves proposal {@code proposalHex} as {@code signer}; returns the approval hex. */
    public String approve(String proposalHex, String signer) {
        String body = json(Map.of("proposal_id", "blake3:" + proposalHex, "signer", signer));
        String hex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        writer.approval(proposalHex, hex, CommitMessage.trailers("Proposal-Id", "blake3:" + proposalHex,
                "Approval-Id", "blake3:" + hex, "Signer", signer), body, tick());
        approvals.computeIfAbsent(proposalHex, k -> new ArrayList<>()).add("blake3:" + hex);
        return hex;
    }

    /** Grants proposal {@code proposalHex} with the approvals written here so far; returns the grant hex. */
    public String grant(String proposalHex) {
        List<String> ids = approvals.getOrDefault(proposalHex, List.of()).stream().sorted().toList();
        String body = json(Map.of("proposal_id", "blake3:" + proposalHex, "approvals", ids));
        String hex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        String proof = Blake3.prefixed(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
        writer.grant(proposalHex, CommitMessage.trailers("Proposal-Id", "blake3:" + proposalHex, "Grant-Id",
                "blake3:" + hex, "Proof-Of-Consensus", proof), body, tick());
        return hex;
    }

    /** Revokes grant {@code grantHex} for {@code reason}; returns the revocation hex. */
    public String revoke(String grantHex, String reason) {
        String body = json(Map.of("grant_id", "blake3:" + grantHex, "reason", reason));
        String hex = Blake3.hex(body.getBytes(StandardCharsets.UTF_8));
        writer.revocation(grantHex, CommitMessage.trailers("Grant-Id", "blake3:" + grantHex, "Revocation-Id",
                "blake3:" + hex, "Reason", reason, "Revoked-By", "user:admin"), body, tick());
        return hex;
    }

    /** Writes policy bundle {@code bundleId} and makes it active; returns its commit. */
    public ObjectId policy(String bundleId) {
        ObjectId commit = writer.policy(bundleId, CommitMessage.trailers("Policy-Root",
                Blake3.prefixed(bundleId.getBytes(StandardCharsets.UTF_8)), "Policy-Code-Root",
                StateTrailers.DEFAULT_POLICY_CODE_ROOT), tick());
        writer.setActivePolicy(commit);
        return commit;
    }

    /** Appends an audit commit with {@code message} to {@code refs/gatos/audit/<name>}. */
    public ObjectId audit(String name, String message) {
        return writer.audit(name, message, tick());
    }

    /** Flushes and packs every ref into {@code packed-refs}. */
    public void packRefs() {
        writer.packRefs();
    }

    /** Returns the commit {@code ref} points at, parsed (flushes first); fails when there is none. */
    public RevCommit commitAt(String ref) {
        Repository repo = repository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = requireNonNull(repo.resolve(ref), () -> "no ref " + ref);
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the bytes at {@code path} in the tree of {@code commit}, or null when absent (flushes first). */
    public byte[] file(ObjectId commit, String path) {
        Repository repo = repository();
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit c = walk.parseCommit(commit);
            try (TreeWalk tw = TreeWalk.forPath(reader, path, c.getTree())) {
                return tw == null ? null : reader.open(tw.getObjectId(0)).getBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every file path in the tree of {@code commit}, in tree order (flushes first). */
    public List<String> paths(ObjectId commit) {
        Repository repo = repository();
        List<String> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                out.add(tw.getPathString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Flushes and closes the writer and repository. */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /**
     * Flushes what was written and returns a fresh snapshot of the refs, read through one
     * {@link LedgerRepository} that this helper opens on first use and closes with itself.
     */
    public LedgerSnapshot snapshot() {
        writer.flush();
        if (reader == null) {
            reader = LedgerRepository.open(path);
        }
        return reader.snapshot();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
