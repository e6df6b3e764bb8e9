package io.gatos.sql.codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites JSON text canonically for the writer (RFC 8785 key order and string escaping, no
 * whitespace) while keeping every number exactly as the source spelled it: a thin layer over the
 * reader's {@link Json}, so what we write and what we read agree byte for byte. Stateless; cost is
 * linear in the input.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /** Returns the canonical UTF-8 bytes of {@code json}; throws IllegalArgumentException on bad JSON. */
    public static byte[] canonicalize(String json) {
        return canonicalText(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the canonical text of {@code json}; throws IllegalArgumentException if it does not parse. */
    public static String canonicalText(String json) {
        return Json.write(parse(json));
    }

    /** Appends the canonical form of {@code rawJson} to {@code out}; throws IllegalArgumentException on bad JSON. */
    public static StringBuilder appendCanonical(StringBuilder out, String rawJson) {
        return out.append(canonicalText(rawJson));
    }

    /** Appends {@code text} as a JSON string literal with RFC 8785 escaping. */
    public static StringBuilder quote(StringBuilder out, String text) {
        Json.quote(text, out);
        return out;
    }

    /** Returns the canonical JSON object text of {@code fields} (values are strings; nulls are skipped). */
    public static String objectOfStrings(Map<String, String> fields) {
        TreeMap<String, JsonValue> values = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                values.put(k, new JsonValue.Str(v));
            }
        });
        return Json.write(new JsonValue.Obj(values));
    }

    private static JsonValue parse(String json) {
        try {
            return Json.parse(json);
        } catch (Json.SyntaxException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
