package io.gatos.sql.jdbc;

import java.util.regex.Pattern;

/**
 * Matches names against one argument of {@link java.sql.DatabaseMetaData}: a pattern ({@code %} any
 * characters, {@code _} one, {@code \} escapes the next) or, for the methods that take exact names,
 * a name; in any letter case when the connection matches identifiers so ({@code caseSensitive=false},
 * the default). A null argument does not narrow; the empty string matches only what has no name
 * (a built-in function's schema, say). Immutable.
 */
final class NamePattern {
    /** The escape character of patterns, as {@link java.sql.DatabaseMetaData#getSearchStringEscape()} reports it. */
    static final char ESCAPE = '\\';

    private final String argument;
    private final Pattern regex;

    private NamePattern(String argument, Pattern regex) {
        this.argument = argument;
        this.regex = regex;
    }

    /** Reads {@code pattern} (nullable) with its wildcards. */
    static NamePattern like(String pattern, boolean caseSensitive) {
        return new NamePattern(pattern, pattern == null ? null : compile(pattern, true, caseSensitive));
    }

    /** Reads {@code name} (nullable) as an exact name: {@code %} and {@code _} are plain characters. */
    static NamePattern exact(String name, boolean caseSensitive) {
        return new NamePattern(name, name == null ? null : compile(name, false, caseSensitive));
    }

    /** Returns whether {@code name} (null for an object without one) satisfies the argument. */
    boolean matches(String name) {
        if (argument == null) {
            return true;
        }
        if (name == null) {
            return argument.isEmpty();
        }
        return regex.matcher(name).matches();
    }

    private static Pattern compile(String text, boolean wildcards, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        int[] chars = text.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (wildcards && c == ESCAPE && i + 1 < chars.length) {
                regex.append(Pattern.quote(Character.toString(chars[++i])));
            } else if (wildcards && c == '%') {
                regex.append(".*");
            } else if (wildcards && c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }
}
