package io.gatos.sql.codec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Holds a parsed JSON value that keeps numbers exactly as the source wrote them and object keys
 * sorted, so {@link Json#write} gives the catalog's compact, key-sorted form.
 */
public sealed interface JsonValue {

    /** A JSON object with keys in sorted (UTF-16) order. */
    record Obj(SortedMap<String, JsonValue> fields) implements JsonValue {
        /** Copies the fields into an unmodifiable sorted map. */
        public Obj {
            fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }

        /** Returns the member named {@code key}, or null. */
        public JsonValue get(String key) {
            return fields.get(key);
        }

        /** Returns the member named {@code key} when it is a string, else null. */
        public String string(String key) {
            return fields.get(key) instanceof Str s ? s.value() : null;
        }
    }

    /** A JSON array. */
    record Arr(List<JsonValue> items) implements JsonValue {
        /** Copies the items. */
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** A JSON string. */
    record Str(String value) implements JsonValue {
        /** Checks the value is present. */
        public Str {
            requireNonNull(value, "value");
        }
    }

    /** A JSON number kept as its source text. */
    record Num(String text) implements JsonValue {
        /** Checks the text is present. */
        public Num {
            requireNonNull(text, "text");
        }

        /** Returns the number as a long when it is an integer that fits, else null. */
        public Long asLong() {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A JSON boolean. */
    record Bool(boolean value) implements JsonValue {
    }

    /** The JSON null. */
    record Null() implements JsonValue {
    }

    /** Returns an empty object. */
    static Obj emptyObject() {
        return new Obj(new TreeMap<>());
    }
}
