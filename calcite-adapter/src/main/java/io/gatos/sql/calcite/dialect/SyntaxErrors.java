package io.gatos.sql.calcite.dialect;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Words the parse errors of {@link GatosParser}: where (line, column), what was found, a short
 * list of what may come there instead of JavaCC's full list of expected tokens, and "did you mean"
 * when the word found, or the one before it, is one or two letters away from an expected keyword.
 */
final class SyntaxErrors implements GatosSqlParserImplConstants {
    /** The words a statement of ours starts with, in the order the message names them. */
    static final List<String> STATEMENT_KEYWORDS = List.of("SELECT", "WITH", "VALUES", "EXPLAIN", "DESCRIBE");

    /** How many alternatives a message lists at most. */
    private static final int SHOWN = 8;
    private static final String EXPRESSION = "an expression";
    private static final String NAME = "a name";
    private static final String END = "the end of the statement";
    /** The alternatives listed first, in this order; the rest follow in alphabetical order. */
    private static final List<String> FIRST = List.of(EXPRESSION, NAME, "a number", "a string", "\")\"", "\",\"",
            "FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "JOIN", "ON", "USING", "AS", "BY", "AND", "OR",
            "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", END, "UNION", "EXCEPT", "INTERSECT", "OFFSET", "FETCH",
            "WINDOW", "QUALIFY", "\"(\"");
    /** The only punctuation worth naming; operators and the like are left out of the list. */
    private static final Set<String> PUNCTUATION = Set.of("\"(\"", "\")\"", "\",\"");
    private static final Pattern LEXICAL = Pattern.compile(
            "(?s)Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: (<EOF> |\"(.*)\" \\(\\d+\\), )after.*");
    private static final Set<Integer> IDENTIFIERS = Set.of(IDENTIFIER, QUOTED_IDENTIFIER, BACK_QUOTED_IDENTIFIER,
            BIG_QUERY_BACK_QUOTED_IDENTIFIER, BRACKET_QUOTED_IDENTIFIER, HYPHENATED_IDENTIFIER,
            UNICODE_QUOTED_IDENTIFIER);
    private static final Set<Integer> STRINGS = Set.of(QUOTED_STRING, PREFIXED_STRING_LITERAL,
            UNICODE_STRING_LITERAL, C_STYLE_ESCAPED_STRING_LITERAL, BINARY_STRING_LITERAL,
            BIG_QUERY_QUOTED_STRING, BIG_QUERY_DOUBLE_QUOTED_STRING);

    private SyntaxErrors() {
    }

    /** Returns "Syntax error at line L, column C: " for the start of {@code t}. */
    static String at(Token t) {
        return String.format(Locale.ROOT, "Syntax error at line %d, column %d: ", t.beginLine, t.beginColumn);
    }

    /** Words the error of a statement whose first token, {@code first}, cannot start a statement. */
    static String badStart(Token first) {
        String start = at(first) + "a statement starts with SELECT, WITH, VALUES, EXPLAIN or DESCRIBE, not "
                + describe(first);
        return start + hint(first, STATEMENT_KEYWORDS).map(k -> "; did you mean " + k + "?").orElse("");
    }

    /**
     * Words the error found after token {@code previous} (its {@code next} is the offending one),
     * given the token sequences the parser expected there and the images of every token kind.
     */
    static String unexpected(Token previous, int[][] expected, String[] images) {
        Token found = previous.next;
        if (found.kind == QUOTE || found.kind == DOUBLE_QUOTE) {
            return at(found) + "the quote " + found.image + " opened here is never closed";
        }
        Set<String> alternatives = alternatives(expected, images);
        List<String> keywords = alternatives.stream().filter(a -> Character.isLetter(a.charAt(0)))
                .filter(a -> !a.startsWith("a ") && !a.startsWith("an ") && !a.equals(END))
                .map(a -> a.split(" ")[0]).toList();
        StringBuilder out = new StringBuilder(at(found)).append("found ").append(describe(found));
        if (!alternatives.isEmpty()) {
            out.append(", expected ").append(list(alternatives));
        }
        Optional<String> here = hint(found, keywords);
        if (here.isPresent()) {
            return out.append("; did you mean ").append(here.get()).append('?').toString();
        }
        hint(previous, keywords).ifPresent(k -> out.append("; did you mean ").append(k).append(" instead of ")
                .append(describe(previous)).append('?'));
        return out.toString();
    }

    /**
     * Rewords JavaCC's {@code Lexical error at line 1, column 8.  Encountered: "#" (35), after : ""}
     * as an unexpected character, or, when the input ended, as a comment left open.
     */
    static Optional<String> lexical(String message) {
        Matcher m = LEXICAL.matcher(message);
        if (!m.matches()) {
            return Optional.empty();
        }
        String at = "Syntax error at line " + m.group(1) + ", column " + m.group(2) + ": ";
        if (m.group(3).startsWith("<EOF>")) {
            return Optional.of(at + "the statement ends inside a comment; close it with */");
        }
        return Optional.of(at + "unexpected character \"" + m.group(4) + "\"");
    }

    /** Returns the keyword nearest to {@code t} when {@code t} is an unquoted name. */
    private static Optional<String> hint(Token t, List<String> keywords) {
        return t.kind == IDENTIFIER ? Nearest.nearest(t.image, keywords) : Optional.empty();
    }

    private static String describe(Token t) {
        return t.kind == EOF ? END : "\"" + t.image + "\"";
    }

    /** Turns JavaCC's expected sequences into the short list a message shows, best first. */
    private static Set<String> alternatives(int[][] expected, String[] images) {
        Set<Integer> firsts = new LinkedHashSet<>();
        for (int[] seq : expected) {
            firsts.add(seq[0]);
        }
        boolean expression = firsts.contains(UNSIGNED_INTEGER_LITERAL) && firsts.contains(IDENTIFIER)
                && firsts.contains(LPAREN);
        Set<Integer> starters = expression ? ExpressionStarters.KINDS : Set.of();
        Set<String> out = new LinkedHashSet<>();
        if (expression) {
            out.add(EXPRESSION);
        }
        for (int[] seq : expected) {
            if (seq.length == 1 && starters.contains(seq[0])) {
                continue;
            }
            List<String> words = IntStream.of(seq).mapToObj(k -> show(k, images)).toList();
            if (!words.contains(null) && !words.contains("STREAM")) {
                out.add(String.join(" ", words));
            }
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt((String a) -> FIRST.contains(a) ? FIRST.indexOf(a) : FIRST.size())
                .thenComparing(Comparator.naturalOrder()));
        return new LinkedHashSet<>(sorted);
    }

    private static String show(int kind, String[] images) {
        if (kind == EOF) {
            return END;
        }
        if (IDENTIFIERS.contains(kind)) {
            return NAME;
        }
        if (kind == UNSIGNED_INTEGER_LITERAL || kind == DECIMAL_NUMERIC_LITERAL || kind == APPROX_NUMERIC_LITERAL) {
            return "a number";
        }
        if (STRINGS.contains(kind)) {
            return "a string";
        }
        String image = images[kind];
        if (image.length() > 2 && Character.isLetter(image.charAt(1))) {
            return image.substring(1, image.length() - 1);
        }
        return PUNCTUATION.contains(image) ? image : null;
    }

    private static String list(Set<String> alternatives) {
        List<String> shown = alternatives.stream().limit(SHOWN).toList();
        if (alternatives.size() > SHOWN) {
            return String.join(", ", shown) + ", ...";
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
    }

    /** The token kinds that can start an expression, read once from the parser's own follow set. */
    private static final class ExpressionStarters {
        static final Set<Integer> KINDS = probe();

        private static Set<Integer> probe() {
            GatosSqlParserImpl parser = new GatosSqlParserImpl(new StringReader("SELECT * FROM t WHERE"));
            parser.setConformance(SqlConformanceEnum.DEFAULT);
            parser.setUnquotedCasing(Casing.UNCHANGED);
            parser.setQuotedCasing(Casing.UNCHANGED);
            parser.setIdentifierMaxLength(128);
            try {
                parser.parseSqlStmtEof();
            } catch (ParseException e) {
                Set<Integer> kinds = new LinkedHashSet<>();
                for (int[] seq : e.expectedTokenSequences) {
                    kinds.add(seq[0]);
                }
                return Set.copyOf(kinds);
            } catch (Exception e) {
                return Set.of(UNSIGNED_INTEGER_LITERAL, IDENTIFIER, LPAREN);
            }
            return Set.of();
        }
    }
}
