package io.gatos.sql.ledger.decode;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.JsonValue;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.PointerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds pointers (LAYOUT §5) in a parsed JSON document: every object, at any depth, whose
 * {@code kind} is {@code blobptr}, {@code opaque} or {@code opaque_pointer}. Only the JSON is read:
 * a pointer's location is reported as text and never opened, resolved, stat'ed or fetched.
 *
 * <p>For each pointer: {@code digest} is {@code hash} (blobptr), {@code ciphertext_hash} (opaque)
 * or {@code digest} (opaque_pointer), prefixed with {@code <algo>:} unless it already holds a
 * colon; {@code algo} is the {@code algo} member; {@code size} the {@code size} member when it is
 * an integer, else null; {@code location} the {@code location} string, else
 * {@code gatos/objects/<algorithm>/<hex>} split from the digest at its first colon;
 * {@code capability} the {@code capability} string. {@code encrypted_meta} and its legacy spelling
 * {@code cipher_meta} are accepted and not reported. A pointer object without a string digest
 * member is skipped with a {@code BAD_JSON} finding; a digest that names no algorithm is reported
 * as is, with a {@code BAD_JSON} finding. Pure and thread-safe; costs one walk of the tree.
 */
public final class Pointers {
    /** The pointer kinds, mapped to the member holding each one's digest. */
    public static final Map<String, String> DIGEST_MEMBER =
            Map.of("blobptr", "hash", "opaque", "ciphertext_hash", "opaque_pointer", "digest");
    /** The pointer kinds. */
    public static final Set<String> KINDS = DIGEST_MEMBER.keySet();
    /** Prefix of locations derived from a digest. */
    public static final String OBJECTS = "gatos/objects/";

    private Pointers() {
    }

    /**
     * Says where a document was read from: {@code source} ({@code state} or {@code event}),
     * {@code stateRef} (nullable; set for state), the commit holding it and the ref it was read
     * through (nullable; used only in findings).
     */
    public record Context(String source, String stateRef, String commitId, String ref) {
        /** Checks the source and commit are present. */
        public Context {
            requireNonNull(source, "source");
            requireNonNull(commitId, "commitId");
        }

        /** Returns the context of a node of checkpoint {@code stateRef} read through {@code ref}. */
        public static Context state(String stateRef, String ref) {
            return new Context(PointerRecord.STATE, stateRef, stateRef, ref);
        }

        /** Returns the context of the payload of event commit {@code commitId} read through {@code ref}. */
        public static Context event(String commitId, String ref) {
            return new Context(PointerRecord.EVENT, null, commitId, ref);
        }
    }

    /**
     * Returns every pointer in {@code root}, in document order (object members in key order); each
     * path is {@code filePath + "#" + jsonPointerPrefix + <RFC 6901 pointer within root>}, where
     * {@code jsonPointerPrefix} is already escaped ({@code ""} for a whole file, {@code "/payload"}
     * for an event payload). Problems go to {@code findings}.
     */
    public static List<PointerRecord> find(JsonValue root, String filePath, String jsonPointerPrefix, Context context,
            Consumer<Finding> findings) {
        requireNonNull(context, "context");
        List<PointerRecord> out = new ArrayList<>();
        StringBuilder pointer = new StringBuilder(filePath).append('#').append(jsonPointerPrefix);
        visit(root, pointer, context, out, findings);
        return out;
    }

    /** Escapes one RFC 6901 reference token: {@code ~} as {@code ~0}, then {@code /} as {@code ~1}. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Returns {@code gatos/objects/<algorithm>/<hex>} for a digest {@code <algorithm>:<hex>}. */
    public static String derivedLocation(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? OBJECTS + digest : OBJECTS + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static void visit(JsonValue value, StringBuilder pointer, Context context, List<PointerRecord> out,
            Consumer<Finding> findings) {
        int mark = pointer.length();
        if (value instanceof JsonValue.Obj o) {
            String kind = o.string("kind");
            if (kind != null && KINDS.contains(kind)) {
                report(o, kind, pointer.toString(), context, out, findings);
            }
            for (var e : o.fields().entrySet()) {
                pointer.append('/').append(escape(e.getKey()));
                visit(e.getValue(), pointer, context, out, findings);
                pointer.setLength(mark);
            }
        } else if (value instanceof JsonValue.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                pointer.append('/').append(i);
                visit(a.items().get(i), pointer, context, out, findings);
                pointer.setLength(mark);
            }
        }
    }

    private static void report(JsonValue.Obj o, String kind, String path, Context context, List<PointerRecord> out,
            Consumer<Finding> findings) {
        String member = DIGEST_MEMBER.get(kind);
        String value = o.string(member);
        if (value == null || value.isEmpty()) {
            findings.accept(new Finding(context.ref(), context.commitId(), path, FindingCode.BAD_JSON,
                    kind + " pointer has no string \"" + member + "\"; it is skipped"));
            return;
        }
        String algo = o.string("algo");
        String digest = value.indexOf(':') >= 0 || algo == null ? value : algo + ":" + value;
        if (digest.indexOf(':') < 0) {
            findings.accept(new Finding(context.ref(), context.commitId(), path, FindingCode.BAD_JSON,
                    kind + " pointer digest '" + value + "' names no algorithm (no \"algo\" and no '<algo>:' prefix)"));
        }
        Long size = o.get("size") instanceof JsonValue.Num n ? n.asLong() : null;
        String location = o.string("location");
        out.add(new PointerRecord(digest, kind, algo, size, location != null ? location : derivedLocation(digest),
                o.string("capability"), context.source(), context.stateRef(), context.commitId(), path));
    }
}
