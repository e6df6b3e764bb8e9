package io.gatos.sql.writer.sample;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.writer.LedgerWriter;
import io.gatos.sql.writer.MessageSpec;
import io.gatos.sql.writer.TopicSpelling;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Posts the sample shiplog messages of {@link SampleLedger} to its topics (remembering the last
 * few per topic, never all of them) and writes the consumer checkpoints: one current, one lagging,
 * one that names nothing on its topic, one by ULID only. Mutable; not thread-safe.
 */
final class SampleTopics {
    /** Topic fed by orders, billing and inventory events. */
    static final String COMMERCE = "commerce";
    /** Topic fed by identity events. */
    static final String IDENTITY = "identity";
    /** Topic of governance transitions, under the later {@code refs/gatos/messages/} spelling. */
    static final String GOVERNANCE = "governance";
    private static final int KEEP = 4;

    /** A message as it was posted. */
    record Posted(ObjectId commit, String ulid, Instant time) {
        Posted {
            requireNonNull(commit, "commit");
            requireNonNull(ulid, "ulid");
        }
    }

    private final LedgerWriter writer;
    private final Random rng;
    private final Map<String, TopicSpelling> spellings = new LinkedHashMap<>();
    private final Map<String, Deque<Posted>> recent = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long messages;

    SampleTopics(LedgerWriter writer, Random rng) {
        this.writer = requireNonNull(writer, "writer");
        this.rng = requireNonNull(rng, "rng");
        spellings.put(COMMERCE, TopicSpelling.SHIPLOG);
        spellings.put(IDENTITY, TopicSpelling.SHIPLOG);
        spellings.put(GOVERNANCE, TopicSpelling.MESSAGES);
        spellings.keySet().forEach(t -> {
            recent.put(t, new ArrayDeque<>());
            counts.put(t, 0L);
        });
    }

    /** Returns the topic that mirrors events of namespace {@code ns}. */
    static String topicFor(String ns) {
        return ns.equals("identity") ? IDENTITY : COMMERCE;
    }

    /** Posts one message; {@code time} must be later than the topic's previous message. */
    Posted post(String topic, String ns, String type, String payloadJson, Map<String, String> refs, Instant time) {
        String ulid = Ulid.create(time.toEpochMilli(), rng);
        MessageSpec spec = new MessageSpec(ulid, ns, type, payloadJson, refs, time, spellings.get(topic), null, null);
        Posted posted = new Posted(writer.appendMessage(topic, spec), ulid, time);
        Deque<Posted> last = recent.get(topic);
        last.addLast(posted);
        if (last.size() > KEEP) {
            last.removeFirst();
        }
        counts.merge(topic, 1L, Long::sum);
        messages++;
        return posted;
    }

    /** Posts heartbeats until every topic has at least {@code min} messages; returns the last time used. */
    Instant fill(int min, Instant from) {
        Instant time = from;
        for (String topic : spellings.keySet()) {
            while (counts.get(topic) < min) {
                time = time.plusSeconds(1);
                post(topic, topic, "topic.heartbeat", "{\"seq\":" + counts.get(topic) + "}", null, time);
            }
        }
        return time;
    }

    /** Writes the consumer checkpoints (both forms) and returns how many; every topic needs a message. */
    int checkpoints(ObjectId elsewhere, Instant time) {
        Posted commerceHead = recent.get(COMMERCE).peekLast();
        Posted commerceBack = recent.get(COMMERCE).peekFirst();
        writer.checkpointCommit("analytics", COMMERCE, commerceHead.commit().name(), commerceHead.ulid(), time);
        writer.checkpointBlob("warehouse-sync", COMMERCE, commerceBack.commit().name(), commerceBack.ulid());
        String stranger = Ulid.create(SampleLedger.BASE.toEpochMilli() - 86_400_000L, rng);
        writer.checkpointCommit("auditor", IDENTITY, elsewhere.name(), stranger, time.plusSeconds(1));
        writer.checkpointBlob("mirror", GOVERNANCE, null, recent.get(GOVERNANCE).peekLast().ulid());
        return 4;
    }

    int topics() {
        return spellings.size();
    }

    long messages() {
        return messages;
    }
}
