package io.gatos.sql.materialize.ndjson;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Holds one line of an NDJSON export (schema {@code ndjson-event.schema.json} in module schemas):
 * an event or a shiplog message with where it came from and, in {@code meta}, everything an import
 * needs to write it again: the exact envelope bytes and the source commit's author, committer and
 * message. Renders and parses the line; numbers in {@code data} are kept exactly as written.
 *
 * @param id the ULID
 * @param stream {@code <ns>/<actor segment>} for an event, {@code shiplog/<topic>} for a message
 * @param type the event or message type
 * @param pos the 0-based position in the source stream
 * @param commit the source commit id (40 hex)
 * @param data the payload as JSON text (nullable: the envelope could not be read)
 * @param meta the envelope, source ref and commit fields
 * @param time RFC 3339 UTC time of the event
 */
public record EventLine(String id, String stream, String type, long pos, String commit, String data, Meta meta,
        String time) {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Checks the required parts. */
    public EventLine {
        requireNonNull(id, "id");
        requireNonNull(stream, "stream");
        requireNonNull(commit, "commit");
        requireNonNull(meta, "meta");
    }

    /**
     * Holds what an import needs besides the payload.
     *
     * @param ref the source ref, e.g. {@code refs/gatos/journal/orders/alice}
     * @param actor envelope actor (nullable for messages)
     * @param caps envelope capabilities as a JSON array text (nullable)
     * @param policyRoot envelope policy root (nullable)
     * @param sigAlg envelope signature algorithm (nullable)
     * @param eventCid the {@code Event-CID} trailer (nullable)
     * @param envelope the exact bytes of {@code message/envelope.json}
     * @param author the source commit's author as Git writes it: {@code Name <email> <seconds> <zone>}
     * @param committer the source commit's committer, same form
     * @param message the source commit's full message
     */
    public record Meta(String ref, String actor, String caps, String policyRoot, String sigAlg, String eventCid,
            byte[] envelope, String author, String committer, String message) {
        /** Checks the required parts. */
        public Meta {
            requireNonNull(ref, "ref");
            requireNonNull(envelope, "envelope");
            requireNonNull(author, "author");
            requireNonNull(committer, "committer");
            requireNonNull(message, "message");
        }
    }

    /** Renders this line as compact JSON without a line break, keys in schema order. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("stream", stream);
            g.writeStringField("type", type);
            g.writeNumberField("pos", pos);
            g.writeStringField("commit", commit);
            g.writeFieldName("data");
            if (data == null) {
                g.writeNull();
            } else {
                g.writeRawValue(data);
            }
            g.writeObjectFieldStart("meta");
            g.writeStringField("ref", meta.ref());
            g.writeStringField("actor", meta.actor());
            g.writeFieldName("caps");
            if (meta.caps() == null) {
                g.writeNull();
            } else {
                g.writeRawValue(meta.caps());
            }
            g.writeStringField("policy_root", meta.policyRoot());
            g.writeStringField("sig_alg", meta.sigAlg());
            g.writeStringField("event_cid", meta.eventCid());
            g.writeStringField("envelope", Base64.getEncoder().encodeToString(meta.envelope()));
            g.writeStringField("author", meta.author());
            g.writeStringField("committer", meta.committer());
            g.writeStringField("message", meta.message());
            g.writeEndObject();
            g.writeStringField("time", time);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses one line; throws IllegalArgumentException naming the missing or malformed field. */
    public static EventLine parse(String line) {
        JsonNode root;
        try {
            root = EXACT.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode m = root.path("meta");
        if (!m.isObject()) {
            throw new IllegalArgumentException("'meta' is missing or not an object");
        }
        byte[] envelope;
        try {
            envelope = Base64.getDecoder().decode(text(m, "envelope", true));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'meta.envelope' is not base64");
        }
        JsonNode pos = root.path("pos");
        if (!pos.canConvertToLong() || pos.asLong() < 0) {
            throw new IllegalArgumentException("'pos' must be a non-negative integer");
        }
        JsonNode data = root.path("data");
        JsonNode caps = m.path("caps");
        Meta meta = new Meta(text(m, "ref", true), text(m, "actor", false),
                caps.isMissingNode() || caps.isNull() ? null : caps.toString(), text(m, "policy_root", false),
                text(m, "sig_alg", false), text(m, "event_cid", false), envelope, text(m, "author", true),
                text(m, "committer", true), text(m, "message", true));
        return new EventLine(text(root, "id", true), text(root, "stream", true), text(root, "type", false),
                pos.asLong(), text(root, "commit", true), data.isMissingNode() || data.isNull() ? null
                        : data.toString(), meta, text(root, "time", false));
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            return value.asText();
        }
        if (!required && (value.isMissingNode() || value.isNull())) {
            return null;
        }
        throw new IllegalArgumentException("'" + field + "' is " + (value.isMissingNode() ? "missing" : "not a string"));
    }
}
