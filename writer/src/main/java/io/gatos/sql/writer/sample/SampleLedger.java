package io.gatos.sql.writer.sample;

import static io.gatos.sql.writer.CommitMessage.trailers;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.CanonicalJson;
import io.gatos.sql.codec.Ulid;
import io.gatos.sql.writer.CommitMessage;
import io.gatos.sql.writer.Documents;
import io.gatos.sql.writer.EventSpec;
import io.gatos.sql.writer.LedgerWriter;
import io.gatos.sql.writer.StateTrailers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Generates a realistic sample ledger covering every plane of LAYOUT.md (the engine of
 * {@code gatos generate}): journals of four namespaces over about 90 days from 2026-01-01, three
 * shiplog topics (one under {@code refs/gatos/messages/}), consumer checkpoints in both forms, state
 * checkpoints with pointers of every kind, jobs in every status, proposals in every lifecycle state,
 * policy bundles, an audit ref and a cache ref. Deterministic for ({@code events}, {@code seed});
 * streams events through a pack inserter in constant memory (1M events fit in -Xmx512m).
 */
public final class SampleLedger {
    /** Time of the first event window: 2026-01-01T00:00:00Z. */
    public static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_MILLIS = 90L * 86_400_000L;
    private static final int PROGRESS_EVERY = 10_000;

    /**
     * Counts what {@link #generate} wrote.
     *
     * @param events      journal events
     * @param journals    journal refs
     * @param topics      shiplog topics
     * @param messages    shiplog messages over all topics
     * @param checkpoints state checkpoint commits plus consumer checkpoint refs
     * @param jobs        jobs
     * @param proposals   governance proposals
     * @param elapsed     wall time, including the final flush
     */
    public record Summary(long events, int journals, int topics, long messages, int checkpoints, int jobs,
            int proposals, Duration elapsed) {
    }

    private final LedgerWriter writer;
    private final int events;
    private final Random rng;
    private final LongConsumer progress;
    private final Map<String, SampleState> states = new LinkedHashMap<>();
    private final Set<String> journals = new HashSet<>();
    private final SampleTopics topics;
    private ObjectId policy;
    private String policyName;
    private int stateCheckpoints;

    private SampleLedger(LedgerWriter writer, int events, long seed, LongConsumer progress) {
        this.writer = writer;
        this.events = events;
        this.rng = new Random(seed);
        this.progress = progress == null ? n -> { } : progress;
        this.topics = new SampleTopics(writer, rng);
        SampleCatalog.NAMESPACES.forEach(ns -> states.put(ns.name(), new SampleState(ns.name())));
    }

    /**
     * Writes a new bare repository at {@code out} holding {@code events} events, deterministic for
     * {@code seed}; {@code progress} (nullable) hears the number of events written so far every 10,000
     * events and at the end. Fails with IllegalArgumentException naming {@code out} when it exists
     * and is not an empty directory, and with UncheckedIOException when writing fails.
     */
    public static Summary generate(Path out, int events, long seed, LongConsumer progress) {
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative: " + events);
        }
        checkTarget(out);
        long start = System.nanoTime();
        Summary partial;
        try (LedgerWriter writer = LedgerWriter.create(out, true)) {
            partial = new SampleLedger(writer, events, seed, progress).run();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Summary(partial.events(), partial.journals(), partial.topics(), partial.messages(),
                partial.checkpoints(), partial.jobs(), partial.proposals(), elapsed);
    }

    private static void checkTarget(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("output exists and is not a directory: " + out);
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("output directory is not empty: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
    }

    private Summary run() {
        writePolicies();
        long mean = Math.max(1, SPAN_MILLIS / Math.max(1, events));
        long stateEvery = Math.max(1, events / 10);
        long millis = BASE.toEpochMilli();
        for (int i = 0; i < events; i++) {
            millis += 1 + rng.nextLong(2 * mean - 1);
            writeEvent(i, millis);
            if ((i + 1) % stateEvery == 0) {
                checkpointAll(Instant.ofEpochMilli(millis + 1));
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        Instant after = Instant.ofEpochMilli(millis).plusSeconds(60);
        for (SampleState state : states.values()) {
            if (state.checkpoints() == 0) {
                state.checkpoint(writer, policy, policy, after);
                stateCheckpoints++;
            }
        }
        SampleWorkflows workflows = new SampleWorkflows(writer, topics, policy, rng, after);
        int jobs = workflows.jobs();
        int proposals = workflows.proposals();
        Instant last = topics.fill(4, workflows.tick());
        int consumers = topics.checkpoints(policy, last.plusSeconds(60));
        writeAuditAndCache(last.plusSeconds(120));
        writer.packRefs();
        if (events % PROGRESS_EVERY != 0 || events == 0) {
            progress.accept(events);
        }
        return new Summary(events, journals.size(), topics.topics(), topics.messages(),
                stateCheckpoints + consumers, jobs, proposals, Duration.ZERO);
    }

    private void writePolicies() {
        Map<String, String> baseline = trailers("Policy-Root", "blake3:" + SampleCatalog.hex("policy/baseline"),
                "Policy-Code-Root", StateTrailers.DEFAULT_POLICY_CODE_ROOT);
        writer.policy("baseline", baseline, BASE.minusSeconds(2 * 86_400L));
        Map<String, String> current = trailers("Policy-Root", "blake3:" + SampleCatalog.hex("policy/2026-q1"),
                "Policy-Code-Root", StateTrailers.DEFAULT_POLICY_CODE_ROOT);
        policy = writer.policy("2026-q1", current, BASE.minusSeconds(86_400L));
        policyName = policy.name();
        writer.setActivePolicy(policy);
    }

    private void writeEvent(int i, long millis) {
        SampleCatalog.Namespace ns = SampleCatalog.pick(rng);
        String actor = ns.actors().get(rng.nextInt(ns.actors().size()));
        String type = ns.types().get(rng.nextInt(ns.types().size()));
        String payload = SampleCatalog.payload(type, i, rng);
        String ulid = Ulid.create(millis, rng);
        Instant time = Instant.ofEpochMilli(millis);
        int flags = rng.nextInt(100);
        List<String> caps = flags < 30 ? List.of(ns.name() + ":write")
                : flags < 35 ? List.of(ns.name() + ":write", ns.name() + ":admin") : null;
        boolean eventTypeField = ns.name().equals("identity") || flags % 17 == 3;
        EventSpec spec = new EventSpec(type, ulid, actor, caps, payload, policyName,
                flags % 5 == 0 ? "ed25519" : null, flags >= 90 ? null : time, time, null, eventTypeField);
        boolean mirrored = i % 10 == 9;
        if (mirrored) {
            spec = spec.withEventCid(Blake3.prefixed(Documents.event(spec)));
        }
        String segment = SampleCatalog.segment(actor);
        ObjectId commit = writer.appendEvent(ns.name(), segment, spec);
        states.get(ns.name()).add(type, ulid, commit);
        journals.add(ns.name() + "/" + segment);
        if (mirrored) {
            StringBuilder msg = new StringBuilder("{");
            SampleCatalog.text(msg, "event_ulid", ulid).append(',');
            SampleCatalog.text(msg, "kind", type).append(',');
            SampleCatalog.text(msg, "stream", ns.name() + "/" + segment).append(',');
            SampleCatalog.text(msg, "commit", commit.name()).append('}');
            topics.post(SampleTopics.topicFor(ns.name()), ns.name(), type, msg.toString(),
                    Map.of("event", spec.eventCid()), time);
        }
    }

    private void checkpointAll(Instant time) {
        for (SampleState state : states.values()) {
            if (state.hasEvents()) {
                state.checkpoint(writer, policy, policy, time);
                stateCheckpoints++;
            }
        }
    }

    private void writeAuditAndCache(Instant time) {
        String[][] denials = {{"billing.write", "user:bob"}, {"identity.admin", "agent:restock"}};
        for (int i = 0; i < denials.length; i++) {
            writer.audit("policy-denials", CommitMessage.of("policy denial: " + denials[i][0],
                    trailers("Policy-Root", policyName, "Policy-Rule", denials[i][0], "Actor", denials[i][1],
                            "Decision", "deny")), time.plusSeconds(i));
        }
        byte[] index = CanonicalJson.canonicalize("{\"built_from\":\"" + policyName + "\",\"kind\":\"orders-index\"}");
        writer.commit("refs/gatos/cache/mind/orders-index", Map.of("index.json", index),
                CommitMessage.of("cache: orders index", Map.of()), List.of(), time.plusSeconds(10));
    }
}
