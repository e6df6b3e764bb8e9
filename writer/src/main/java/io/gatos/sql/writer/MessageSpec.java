package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * Describes one shiplog message for {@link LedgerWriter#appendMessage} (LAYOUT §2). The envelope is
 * written as canonical JSON; the {@code Content-Id} trailer is BLAKE3 of those bytes unless
 * overridden.
 *
 * @param ulid              envelope ULID and {@code Event-Id} trailer (not validated)
 * @param ns                envelope {@code ns}
 * @param type              envelope {@code type} and the message's first line
 * @param payloadJson       JSON text, re-serialized canonically (numbers keep their spelling)
 * @param refs              cross references (name to {@code blake3:<hex>}); null omits {@code refs}
 * @param time              author and committer time
 * @param spelling          which ref prefix the topic lives under
 * @param contentIdOverride a wrong {@code Content-Id} to write; null writes the true digest
 * @param attachments       files under {@code message/attachments/}; null for none (arrays not copied)
 */
public record MessageSpec(
        String ulid,
        String ns,
        String type,
        String payloadJson,
        Map<String, String> refs,
        Instant time,
        TopicSpelling spelling,
        String contentIdOverride,
        Map<String, byte[]> attachments) {

    /** Checks required fields and copies the maps. */
    public MessageSpec {
        requireNonNull(ulid, "ulid");
        requireNonNull(ns, "ns");
        requireNonNull(type, "type");
        requireNonNull(payloadJson, "payloadJson");
        requireNonNull(time, "time");
        requireNonNull(spelling, "spelling");
        refs = refs == null ? null : Map.copyOf(refs);
        attachments = attachments == null ? null : Map.copyOf(attachments);
    }

    /** Returns a spec under {@code refs/gatos/shiplog/}, without refs, override or attachments. */
    public static MessageSpec of(String ulid, String ns, String type, String payloadJson, Instant time) {
        return new MessageSpec(ulid, ns, type, payloadJson, null, time, TopicSpelling.SHIPLOG, null, null);
    }

    /** Returns a copy with the envelope {@code refs} map (null omits it). */
    public MessageSpec withRefs(Map<String, String> newRefs) {
        return new MessageSpec(ulid, ns, type, payloadJson, newRefs, time, spelling, contentIdOverride, attachments);
    }

    /** Returns a copy written under the {@code newSpelling} ref prefix. */
    public MessageSpec withSpelling(TopicSpelling newSpelling) {
        return new MessageSpec(ulid, ns, type, payloadJson, refs, time, newSpelling, contentIdOverride, attachments);
    }

    /** Returns a copy whose {@code Content-Id} trailer is {@code contentId} regardless of the bytes. */
    public MessageSpec withContentIdOverride(String contentId) {
        return new MessageSpec(ulid, ns, type, payloadJson, refs, time, spelling, contentId, attachments);
    }

    /** Returns a copy carrying {@code files} under {@code message/attachments/}. */
    public MessageSpec withAttachments(Map<String, byte[]> files) {
        return new MessageSpec(ulid, ns, type, payloadJson, refs, time, spelling, contentIdOverride, files);
    }
}
