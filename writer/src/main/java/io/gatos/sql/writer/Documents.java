package io.gatos.sql.writer;

import io.gatos.sql.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes the JSON documents the writer puts in trees: event envelopes (sorted keys, payload
 * verbatim), shiplog envelopes and consumer checkpoints (canonical). Stateless.
 */
public final class Documents {
    private Documents() {
    }

    /** Returns the envelope bytes of {@code e}: compact, keys sorted, {@code payloadJson} verbatim. */
    public static byte[] event(EventSpec e) {
        StringBuilder out = new StringBuilder(e.payloadJson().length() + 256).append('{');
        field(out, "actor").append(quoted(e.actor()));
        if (e.caps() != null) {
            field(out, "caps").append(stringArray(e.caps()));
        }
        if (e.useEventTypeField()) {
            field(out, "event_type").append(quoted(e.type()));
        }
        field(out, "payload").append(e.payloadJson());
        if (e.policyRoot() != null) {
            field(out, "policy_root").append(quoted(e.policyRoot()));
        }
        if (e.sigAlg() != null) {
            field(out, "sig_alg").append(quoted(e.sigAlg()));
        }
        if (e.ts() != null) {
            field(out, "ts").append(quoted(e.ts().toString()));
        }
        if (!e.useEventTypeField()) {
            field(out, "type").append(quoted(e.type()));
        }
        field(out, "ulid").append(quoted(e.ulid()));
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the canonical envelope bytes of {@code m}; throws IllegalArgumentException on bad payload JSON. */
    public static byte[] message(MessageSpec m) {
        StringBuilder out = new StringBuilder(m.payloadJson().length() + 160).append('{');
        field(out, "ns").append(quoted(m.ns()));
        CanonicalJson.appendCanonical(field(out, "payload"), m.payloadJson());
        if (m.refs() != null) {
            field(out, "refs").append(CanonicalJson.objectOfStrings(m.refs()));
        }
        field(out, "type").append(quoted(m.type()));
        field(out, "ulid").append(quoted(m.ulid()));
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns canonical {@code {"commit_oid":..,"ulid":..}}; null fields are left out. */
    public static byte[] checkpoint(String commitOid, String ulid) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("commit_oid", commitOid);
        fields.put("ulid", ulid);
        return CanonicalJson.objectOfStrings(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns canonical JSON bytes of a string-valued object; null values are left out. */
    public static byte[] object(Map<String, String> fields) {
        return CanonicalJson.objectOfStrings(fields).getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder field(StringBuilder out, String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        return CanonicalJson.quote(out, name).append(':');
    }

    private static String quoted(String text) {
        return CanonicalJson.quote(new StringBuilder(text.length() + 2), text).toString();
    }

    private static String stringArray(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            CanonicalJson.quote(out, values.get(i));
        }
        return out.append(']').toString();
    }
}
