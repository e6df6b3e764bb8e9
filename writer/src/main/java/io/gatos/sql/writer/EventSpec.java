package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Describes one journal event for {@link LedgerWriter#appendEvent}: the envelope fields, the commit
 * time and the trailers (LAYOUT §1).
 *
 * @param type              event type, e.g. {@code order.created}
 * @param ulid              envelope ULID (not validated, so tests can write bad ones)
 * @param actor             envelope actor, e.g. {@code user:alice}
 * @param caps              capability strings; null omits the {@code caps} field
 * @param payloadJson       raw JSON text written verbatim as {@code payload} (not validated)
 * @param policyRoot        policy bundle commit id; null omits the field (an incomplete envelope)
 * @param sigAlg            signature algorithm; null omits {@code sig_alg} and the Sig trailers
 * @param ts                envelope {@code ts}; null omits it (readers then use the commit time)
 * @param time              author and committer time of the commit
 * @param eventCid          {@code Event-CID} trailer; null means {@code blake3:} of the envelope bytes
 * @param useEventTypeField write {@code event_type} (the upstream daemon's spelling) instead of {@code type}
 */
public record EventSpec(
        String type,
        String ulid,
        String actor,
        List<String> caps,
        String payloadJson,
        String policyRoot,
        String sigAlg,
        Instant ts,
        Instant time,
        String eventCid,
        boolean useEventTypeField) {
    /** Policy root used by {@link #of}: forty zeros, i.e. no bundle. */
    public static final String DEFAULT_POLICY_ROOT = "0".repeat(40);

    /** Checks required fields and copies {@code caps}. */
    public EventSpec {
        requireNonNull(type, "type");
        requireNonNull(ulid, "ulid");
        requireNonNull(actor, "actor");
        requireNonNull(payloadJson, "payloadJson");
        requireNonNull(time, "time");
        caps = caps == null ? null : List.copyOf(caps);
    }

    /** Returns a spec with {@code ts = time}, the default policy root, no caps, no signature. */
    public static EventSpec of(String type, String ulid, String actor, String payloadJson, Instant time) {
        return new EventSpec(type, ulid, actor, null, payloadJson, DEFAULT_POLICY_ROOT, null, time, time, null, false);
    }

    /** Returns a copy with {@code caps} (null omits the field). */
    public EventSpec withCaps(List<String> newCaps) {
        return new EventSpec(type, ulid, actor, newCaps, payloadJson, policyRoot, sigAlg, ts, time, eventCid,
                useEventTypeField);
    }

    /** Returns a copy with {@code policy_root} set (null omits it). */
    public EventSpec withPolicyRoot(String newPolicyRoot) {
        return new EventSpec(type, ulid, actor, caps, payloadJson, newPolicyRoot, sigAlg, ts, time, eventCid,
                useEventTypeField);
    }

    /** Returns a copy signed with {@code alg} (null removes the signature). */
    public EventSpec withSigAlg(String alg) {
        return new EventSpec(type, ulid, actor, caps, payloadJson, policyRoot, alg, ts, time, eventCid,
                useEventTypeField);
    }

    /** Returns a copy whose envelope {@code ts} is {@code newTs} (null omits it). */
    public EventSpec withTs(Instant newTs) {
        return new EventSpec(type, ulid, actor, caps, payloadJson, policyRoot, sigAlg, newTs, time, eventCid,
                useEventTypeField);
    }

    /** Returns a copy whose {@code Event-CID} trailer is {@code cid} (null computes it). */
    public EventSpec withEventCid(String cid) {
        return new EventSpec(type, ulid, actor, caps, payloadJson, policyRoot, sigAlg, ts, time, cid,
                useEventTypeField);
    }

    /** Returns a copy that spells the type field {@code event_type} when {@code flag} is true. */
    public EventSpec withEventTypeField(boolean flag) {
        return new EventSpec(type, ulid, actor, caps, payloadJson, policyRoot, sigAlg, ts, time, eventCid, flag);
    }
}
