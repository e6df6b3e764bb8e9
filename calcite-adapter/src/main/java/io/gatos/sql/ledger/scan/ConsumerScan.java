package io.gatos.sql.ledger.scan;

import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.ConsumerCheckpoint;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.decode.MessageDecoder;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads consumer checkpoints (LAYOUT §3) in both forms (a commit holding {@code checkpoint.json}, or
 * the ref pointing straight at the JSON blob) and computes each one's lag by walking its topic from
 * the head back to the checkpointed message: cost proportional to the lag.
 */
public final class ConsumerScan {
    /** Prefix of consumer checkpoint refs. */
    public static final String PREFIX = Plane.CONSUMER.prefix();
    private static final String FILE = TreePaths.CONSUMER_CHECKPOINT;

    private ConsumerScan() {
    }

    /** Returns {group, topic} of checkpoint ref {@code ref} (the topic may hold slashes), or null when it is none. */
    static String[] partsOf(String ref) {
        if (!ref.startsWith(PREFIX)) {
            return null;
        }
        String rest = ref.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash <= 0 || slash == rest.length() - 1 ? null
                : new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    /** Returns a lazy stream of checkpoints restricted to {@code groups} and {@code topics} (null: all). */
    public static Stream<ConsumerCheckpoint> stream(LedgerSnapshot snapshot, Set<String> groups, Set<String> topics,
            Consumer<Finding> findings) {
        GitObjects objects = snapshot.openObjects();
        TreeMap<String, String> topicRefs = ShiplogScan.topics(snapshot, f -> { });
        Iterator<Map.Entry<String, ObjectId>> refs = snapshot.refsUnder(PREFIX).entrySet().iterator();
        return LazyStream.of(() -> {
            while (refs.hasNext()) {
                var ref = refs.next();
                String[] parts = partsOf(ref.getKey());
                if (parts == null) {
                    continue; // a BAD_REF finding (RefShapes)
                }
                String group = parts[0];
                String topic = parts[1];
                if ((groups == null || groups.contains(group)) && (topics == null || topics.contains(topic))) {
                    ConsumerCheckpoint c = read(objects, snapshot, ref.getKey(), ref.getValue(), group, topic,
                            topicRefs.get(topic), findings);
                    if (c != null) {
                        return c;
                    }
                }
            }
            return null;
        }, objects);
    }

    private static ConsumerCheckpoint read(GitObjects objects, LedgerSnapshot snapshot, String ref, ObjectId target,
            String group, String topic, String topicRef, Consumer<Finding> findings) throws IOException {
        byte[] json;
        Long updated = null;
        String commitId = null;
        try {
            int type = objects.typeOf(target);
            if (type == Constants.OBJ_COMMIT) {
                GitCommit commit = objects.commit(target);
                commitId = commit.id();
                updated = commit.committerMillis();
                ObjectId blob = objects.blobAt(commit.tree(), FILE);
                json = blob == null ? null : objects.blob(blob);
            } else if (type == Constants.OBJ_BLOB) {
                json = objects.blob(target);
            } else {
                findings.accept(new Finding(ref, null, null, FindingCode.UNEXPECTED_OBJECT, ref + " points at a "
                        + Constants.typeString(type) + "; a checkpoint is a commit or a blob"));
                return null;
            }
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, commitId, FILE, FindingCode.MISSING_OBJECT, "object "
                    + e.getObjectId().name() + " of the checkpoint is missing"));
            return null;
        }
        Mark mark = parse(json, ref, commitId, findings);
        Lag lag = topicRef == null ? new Lag(0, null) : lag(objects, snapshot, topicRef, mark);
        return new ConsumerCheckpoint(group, topic, mark.ulid(), mark.commit(), lag.headUlid(), lag.count(),
                updated, ref);
    }

    /** What a checkpoint names: a message commit and/or a ULID, each nullable. */
    record Mark(String commit, String ulid) {
    }

    static Mark parse(byte[] json, String ref, String commitId, Consumer<Finding> findings) {
        if (json == null) {
            findings.accept(new Finding(ref, commitId, FILE, FindingCode.BAD_JSON, "the checkpoint has no " + FILE));
            return new Mark(null, null);
        }
        try {
            if (Json.parse(json) instanceof JsonValue.Obj o) {
                return new Mark(o.string("commit_oid"), o.string("ulid"));
            }
            findings.accept(new Finding(ref, commitId, FILE, FindingCode.BAD_JSON, "checkpoint is not a JSON object"));
        } catch (Json.SyntaxException e) {
            findings.accept(new Finding(ref, commitId, FILE, FindingCode.BAD_JSON, "checkpoint is not valid JSON: "
                    + e.getMessage()));
        }
        return new Mark(null, null);
    }

    /** Messages after the checkpoint and the newest ULID on the topic. */
    record Lag(long count, String headUlid) {
    }

    static Lag lag(GitObjects objects, LedgerSnapshot snapshot, String topicRef, Mark mark) throws IOException {
        ChainWalk walk = new ChainWalk(objects, topicRef, snapshot.head(topicRef), null, f -> { });
        long seen = 0;
        long byUlid = -1;
        String headUlid = null;
        GitCommit commit;
        while ((commit = walk.next()) != null) {
            // The head's ULID is always reported; the others are read only to match a checkpointed ULID.
            String ulid = seen == 0 || mark.ulid() != null ? messageUlid(objects, commit) : null;
            if (seen == 0) {
                headUlid = ulid;
            }
            if (commit.id().equals(mark.commit())) {
                return new Lag(seen, headUlid);
            }
            if (byUlid < 0 && ulid != null && ulid.equals(mark.ulid())) {
                byUlid = seen;
                if (mark.commit() == null) {
                    return new Lag(seen, headUlid);
                }
            }
            seen++;
        }
        return new Lag(byUlid >= 0 ? byUlid : seen, headUlid);
    }

    /** Returns a message's ULID: its envelope's, else its Event-Id trailer's, else null. */
    static String messageUlid(GitObjects objects, GitCommit commit) throws IOException {
        try {
            ObjectId blob = objects.blobAt(commit.tree(), TreePaths.ENVELOPE);
            if (blob != null && Json.parse(objects.blob(blob)) instanceof JsonValue.Obj o && o.string("ulid") != null) {
                return o.string("ulid");
            }
        } catch (Json.SyntaxException | MissingObjectException e) {
            // fall back to the trailer
        }
        return MessageDecoder.trailerUlid(commit);
    }
}
