package io.gatos.sql.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the trailers of a commit message ({@code Key: value} lines in its last paragraph, git's
 * rules: continuation lines start with white space; a key may repeat) and renders them as JSON.
 */
public final class Trailers {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*):[ \\t]*(.*)");
    private static final Trailers NONE = new Trailers(List.of());

    /** One trailer line. */
    public record Entry(String key, String value) {
    }

    private final List<Entry> entries;

    private Trailers(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Returns the trailers in message order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the value of the first trailer named {@code key} (case-insensitive), or null. */
    public String first(String key) {
        for (Entry e : entries) {
            if (e.key().equalsIgnoreCase(key)) {
                return e.value();
            }
        }
        return null;
    }

    /** Returns the trailers as a JSON object: key to value, or to an array when the key repeats. */
    public String toJson() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.value());
        }
        java.util.TreeMap<String, JsonValue> fields = new java.util.TreeMap<>();
        byKey.forEach((k, values) -> fields.put(k, values.size() == 1 ? new JsonValue.Str(values.get(0))
                : new JsonValue.Arr(values.stream().<JsonValue>map(JsonValue.Str::new).toList())));
        return Json.write(new JsonValue.Obj(fields));
    }

    /** Parses the trailers of {@code message}; a message without a trailer paragraph has none. */
    public static Trailers parse(String message) {
        List<String> lines = new ArrayList<>(List.of(message.replace("\r\n", "\n").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int start = lines.size();
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        if (start == 0) {
            start = 1; // the only paragraph: its first line is the subject, never a trailer
        }
        return fromLines(lines.subList(Math.min(start, lines.size()), lines.size()));
    }

    private static Trailers fromLines(List<String> paragraph) {
        List<Entry> entries = new ArrayList<>();
        for (String line : paragraph) {
            if (!entries.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                Entry last = entries.remove(entries.size() - 1);
                entries.add(new Entry(last.key(), last.value() + " " + line.trim()));
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return NONE;
            }
            entries.add(new Entry(m.group(1), m.group(2).trim()));
        }
        return entries.isEmpty() ? NONE : new Trailers(entries);
    }
}
