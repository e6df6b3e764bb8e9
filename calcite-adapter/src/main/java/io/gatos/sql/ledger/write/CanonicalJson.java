package io.gatos.sql.ledger.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites JSON text canonically (RFC 8785 key order and string escaping, no whitespace) while
 * keeping every number exactly as the source spelled it, so {@code 1152921504606846977} never
 * passes through a double. Stateless; cost is linear in the input.
 */
final class CanonicalJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** A number kept as its source text. */
    private record RawNumber(String text) {
    }

    /** Returns the canonical UTF-8 bytes of {@code json}; throws IllegalArgumentException on bad JSON. */
    static byte[] canonicalize(String json) {
        return canonicalText(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the canonical text of {@code json}; throws IllegalArgumentException if it does not parse. */
    static String canonicalText(String json) {
        StringBuilder out = new StringBuilder(json.length());
        write(out, parse(json));
        return out.toString();
    }

    /** Appends the canonical form of {@code rawJson} to {@code out}; throws IllegalArgumentException on bad JSON. */
    static StringBuilder appendCanonical(StringBuilder out, String rawJson) {
        write(out, parse(rawJson));
        return out;
    }

    /** Appends {@code text} as a JSON string literal with RFC 8785 escaping. */
    static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Returns the canonical JSON object text of {@code fields} (values are strings; nulls are skipped). */
    static String objectOfStrings(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, e.getKey()).append(':');
            quote(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON text");
            }
            Object value = read(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new TreeMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new RawNumber(p.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, e.getKey()).append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof RawNumber n) {
            out.append(n.text());
        } else {
            out.append(value);
        }
    }
}
