package io.gatos.sql.ledger.decode;

import io.gatos.sql.codec.JsonValue;
import java.util.function.BiConsumer;

/**
 * Finds and replaces unpaired UTF-16 surrogates, which JSON escapes (backslash-u D800 to DFFF) can put in a
 * string but which are no Unicode characters (no UTF-8 encoder can write them), and shortens
 * values quoted in finding messages. Pure; every method is linear in its input.
 */
public final class Text {
    /** Most unpaired-surrogate strings reported per document. */
    static final int MAX_REPORTED = 10;
    /** Longest value quoted in a finding message. */
    private static final int EXCERPT = 64;

    private Text() {
    }

    /**
     * Returns whether the JSON {@code bytes} may hold a surrogate: a backslash-u escape of D800-DFFF
     * (the parser refuses raw surrogate bytes as malformed UTF-8).
     */
    public static boolean maySurrogate(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\\' && bytes[i + 1] == 'u' && (bytes[i + 2] | 0x20) == 'd'
                    && "89abcdefABCDEF".indexOf(bytes[i + 3]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index of the first unpaired surrogate in {@code s}, or -1 when there is none. */
    static int firstUnpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns {@code s} (nullable) with every unpaired surrogate replaced by U+FFFD; {@code s} itself
     * when it has none.
     */
    static String wellFormed(String s) {
        if (s == null || firstUnpaired(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    /**
     * Calls {@code report} with the RFC 6901 pointer and the escape (backslash-u and four hex digits) of each of the
     * first {@value #MAX_REPORTED} strings (member names included) in {@code root} that hold an unpaired
     * surrogate, in document order.
     */
    public static void unpaired(JsonValue root, BiConsumer<String, String> report) {
        visit(root, new StringBuilder(), report, new int[1]);
    }

    private static void visit(JsonValue value, StringBuilder pointer, BiConsumer<String, String> report, int[] count) {
        int mark = pointer.length();
        if (value instanceof JsonValue.Str s) {
            check(s.value(), pointer, report, count);
        } else if (value instanceof JsonValue.Obj o) {
            for (var e : o.fields().entrySet()) {
                pointer.append('/').append(Pointers.escape(e.getKey()));
                check(e.getKey(), pointer, report, count);
                visit(e.getValue(), pointer, report, count);
                pointer.setLength(mark);
            }
        } else if (value instanceof JsonValue.Arr a) {
            for (int i = 0; i < a.items().size() && count[0] < MAX_REPORTED; i++) {
                pointer.append('/').append(i);
                visit(a.items().get(i), pointer, report, count);
                pointer.setLength(mark);
            }
        }
    }

    private static void check(String s, StringBuilder pointer, BiConsumer<String, String> report, int[] count) {
        int at = firstUnpaired(s);
        if (at >= 0 && count[0] < MAX_REPORTED) {
            count[0]++;
            report.accept(wellFormed(pointer.toString()), String.format("\\u%04x", (int) s.charAt(at)));
        }
    }

    /** Returns the {@code BAD_TEXT} message for a string holding the unpaired surrogate {@code escape}. */
    public static String unpairedMessage(String escape) {
        return "the string holds an unpaired UTF-16 surrogate (" + escape + "), which is no Unicode character;"
                + " JSON columns keep it as that escape, text columns show U+FFFD";
    }

    /** Returns {@code s} cut to 64 characters (with an ellipsis), with unpaired surrogates replaced, for a message. */
    public static String excerpt(String s) {
        String cut = s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "...";
        return wellFormed(cut);
    }
}
