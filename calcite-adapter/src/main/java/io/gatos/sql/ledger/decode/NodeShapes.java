package io.gatos.sql.ledger.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.gatos.sql.codec.Json;
import io.gatos.sql.codec.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the shape of a state node (LAYOUT §4): the JSON type skeleton of its content, keeping
 * keys and value kinds but no values. NodeShapes are JSON written compactly by {@link Json#write}:
 *
 * <ul>
 *   <li>object: {@code {"fields":{<key>:<shape>,...},"kind":"object"}}, keys sorted (a repeated key:
 *       the last one wins, as in {@link Json#parse});
 *   <li>array: {@code {"items":<shape>,"kind":"array"}} where {@code items} is the shape shared by
 *       every element, or {@code {"kind":"union","of":[<shape>,...]}} listing the distinct element
 *       shapes in first-seen order when they differ, or JSON {@code null} for an empty array;
 *   <li>string, number, boolean, null: {@code {"kind":"string"}}, {@code {"kind":"number"}},
 *       {@code {"kind":"boolean"}}, {@code {"kind":"null"}};
 *   <li>anything that is not exactly one valid UTF-8 JSON value (binary, text, empty, two values):
 *       {@link #BYTES}, {@code {"kind":"bytes"}}.
 * </ul>
 *
 * <p>Pure and thread-safe. Costs one streaming pass over the bytes (fed in pieces through a
 * {@link Builder}, so a blob never needs to be held whole) and memory proportional to the shape,
 * not the content: an array of a million alike objects has a one-element shape.
 */
public final class NodeShapes {
    /** The shape of content that is not one JSON value. */
    public static final String BYTES = "{\"kind\":\"bytes\"}";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build())
            .build();
    private static final JsonValue STRING = kind("string");
    private static final JsonValue NUMBER = kind("number");
    private static final JsonValue BOOLEAN = kind("boolean");
    private static final JsonValue NULL = kind("null");

    private NodeShapes() {
    }

    /** Returns the shape of {@code blob} as compact JSON; {@link #BYTES} when it is not UTF-8 JSON. */
    public static String shapeOf(byte[] blob) {
        Builder builder = builder();
        builder.feed(blob, blob.length);
        return builder.finish();
    }

    /** Returns a builder to feed content in pieces; call {@link Builder#finish()} once at the end. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Accumulates the shape of content fed in pieces, in order, through a non-blocking JSON parser.
     * Not thread-safe; holds no resource that needs closing beyond {@link #finish()}.
     */
    public static final class Builder {
        private final JsonParser parser;
        private final ByteArrayFeeder feeder;
        private final ArrayDeque<Frame> stack = new ArrayDeque<>();
        private JsonValue root;
        private boolean failed;

        private Builder() {
            try {
                parser = FACTORY.createNonBlockingByteArrayParser();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }

        /** Feeds the first {@code len} bytes of {@code buf}; the buffer may be reused afterwards. */
        public void feed(byte[] buf, int len) {
            if (failed || len == 0) {
                return;
            }
            try {
                feeder.feedInput(buf, 0, len);
                drain();
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }

        /** Ends the input and returns the shape as compact JSON ({@link #BYTES} when it is not JSON). */
        public String finish() {
            if (!failed) {
                try {
                    feeder.endOfInput();
                    drain();
                } catch (IOException | RuntimeException e) {
                    failed = true;
                }
            }
            try {
                parser.close();
            } catch (IOException e) {
                failed = true;
            }
            return failed || root == null || !stack.isEmpty() ? BYTES : Json.write(root);
        }

        private void drain() throws IOException {
            JsonToken token;
            while (!failed && (token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
                switch (token) {
                    case START_OBJECT -> stack.push(new Frame(true));
                    case START_ARRAY -> stack.push(new Frame(false));
                    case FIELD_NAME -> stack.peek().key = parser.currentName();
                    case END_OBJECT, END_ARRAY -> emit(stack.pop().shape());
                    case VALUE_STRING -> emit(STRING);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> emit(NUMBER);
                    case VALUE_TRUE, VALUE_FALSE -> emit(BOOLEAN);
                    case VALUE_NULL -> emit(NULL);
                    default -> failed = true;
                }
            }
        }

        private void emit(JsonValue shape) {
            Frame top = stack.peek();
            if (top != null) {
                top.add(shape);
            } else if (root == null) {
                root = shape;
            } else {
                failed = true; // a second value after the first: not one JSON document
            }
        }
    }

    /** An open object or array and the shapes of its members so far. */
    private static final class Frame {
        private final boolean object;
        private final TreeMap<String, JsonValue> fields = new TreeMap<>();
        private final LinkedHashSet<JsonValue> items = new LinkedHashSet<>();
        private String key;

        Frame(boolean object) {
            this.object = object;
        }

        void add(JsonValue shape) {
            if (object) {
                fields.put(key, shape);
            } else {
                items.add(shape);
            }
        }

        JsonValue shape() {
            if (object) {
                return node("object", "fields", new JsonValue.Obj(fields));
            }
            JsonValue of = switch (items.size()) {
                case 0 -> new JsonValue.Null();
                case 1 -> items.iterator().next();
                default -> node("union", "of", new JsonValue.Arr(List.copyOf(items)));
            };
            return node("array", "items", of);
        }
    }

    private static JsonValue kind(String kind) {
        return new JsonValue.Obj(new TreeMap<>(Map.of("kind", new JsonValue.Str(kind))));
    }

    private static JsonValue node(String kind, String member, JsonValue value) {
        return new JsonValue.Obj(new TreeMap<>(Map.of("kind", new JsonValue.Str(kind), member, value)));
    }
}
