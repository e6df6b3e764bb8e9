package io.gatos.sql.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Parses JSON bytes into {@link JsonValue} trees and writes them back compactly with sorted keys and
 * numbers exactly as the source wrote them. Costs one pass over the input; thread-safe.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Signals bytes that are not one well-formed JSON value; the message says where. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** Parses exactly one JSON value from UTF-8 {@code bytes}. */
    public static JsonValue parse(byte[] bytes) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException("empty document");
            }
            JsonValue value = readTree(parser, first, SOURCE_TEXT);
            if (parser.nextToken() != null) {
                throw new SyntaxException("trailing content after the JSON value at "
                        + parser.currentLocation().offsetDescription());
            }
            return value;
        } catch (IOException e) {
            throw new SyntaxException(oneLine(e.getMessage()));
        }
    }

    /** Parses a JSON value from a string. */
    public static JsonValue parse(String text) throws SyntaxException {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Turns the current number token into a value; JSON keeps the source text, YAML may differ. */
    @FunctionalInterface
    interface Numbers {
        /** Returns the value of the number token at {@code parser}. */
        JsonValue read(JsonParser parser, boolean integer) throws IOException;
    }

    private static final Numbers SOURCE_TEXT = (parser, integer) -> new JsonValue.Num(parser.getText());

    /** Reads the value starting at {@code token} from any Jackson parser (JSON or YAML). */
    static JsonValue readTree(JsonParser parser, JsonToken token, Numbers numbers) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser, numbers);
            case START_ARRAY -> readArray(parser, numbers);
            case VALUE_STRING -> new JsonValue.Str(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numbers.read(parser, token == JsonToken.VALUE_NUMBER_INT);
            case VALUE_TRUE -> new JsonValue.Bool(true);
            case VALUE_FALSE -> new JsonValue.Bool(false);
            case VALUE_NULL -> new JsonValue.Null();
            case VALUE_EMBEDDED_OBJECT ->
                new JsonValue.Str(java.util.Base64.getEncoder().encodeToString(parser.getBinaryValue()));
            default -> throw new IOException("unexpected token " + token);
        };
    }

    private static JsonValue readObject(JsonParser parser, Numbers numbers) throws IOException {
        TreeMap<String, JsonValue> fields = new TreeMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            fields.put(name, readTree(parser, parser.nextToken(), numbers));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("unterminated object");
        }
        return new JsonValue.Obj(fields);
    }

    private static JsonValue readArray(JsonParser parser, Numbers numbers) throws IOException {
        List<JsonValue> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unterminated array");
            }
            items.add(readTree(parser, token, numbers));
        }
        return new JsonValue.Arr(items);
    }

    /** Writes {@code value} compactly with sorted keys; numbers keep their source text. */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonValue.Obj o) {
            out.append('{');
            boolean first = true;
            for (var e : o.fields().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonValue.Arr a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(a.items().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonValue.Str s) {
            quote(s.value(), out);
        } else if (value instanceof JsonValue.Num n) {
            out.append(n.text());
        } else if (value instanceof JsonValue.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    /**
     * Appends {@code text} as a JSON string literal, keeping every non-control character as is; an
     * unpaired UTF-16 surrogate (no Unicode character, so no UTF-8 can hold it) is written as its
     * six-character escape (backslash, u, four hex digits), so the literal stays exact and encodable.
     */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Returns {@code text} as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int cut = message.indexOf("\n at [Source");
        String head = cut > 0 ? message.substring(0, cut) : message;
        return head.replace('\n', ' ').trim();
    }
}
