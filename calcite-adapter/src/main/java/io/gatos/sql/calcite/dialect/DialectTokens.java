package io.gatos.sql.calcite.dialect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Replaces the generated token manager of {@link GatosParser} to adapt two things the grammar
 * template hard-codes, without touching the SQL text:
 *
 * <ul>
 *   <li>{@code STREAM} is always handed on as an identifier, so {@code SELECT stream FROM events}
 *       names the column (the template reads {@code SELECT STREAM} as Calcite's streaming query, and
 *       no gatos table is a stream);
 *   <li>{@code INTERVAL '7 days'}, a quoted string with no unit keyword after it, becomes the
 *       tokens of {@code INTERVAL '7' DAY} (both with the string's position) when the text is one
 *       signed integer and one unit. Other unit-less strings are left alone, so the parser fails at
 *       the token after them, and are remembered for the error message.
 * </ul>
 *
 * <p>Also remembers the first token of the input, for the message about how statements start.
 * Not thread-safe, like the parser that owns it.
 */
final class DialectTokens extends GatosSqlParserImplTokenManager {
    /** The unit keywords that may follow an interval string. */
    private static final Set<Integer> UNITS = Set.of(YEAR, YEARS, QUARTER, QUARTERS, MONTH, MONTHS, WEEK, WEEKS,
            DAY, DAYS, HOUR, HOURS, MINUTE, MINUTES, SECOND, SECONDS);

    private final Deque<Token> ahead = new ArrayDeque<>();
    private Token first;
    private Token unitlessInterval;

    DialectTokens(SimpleCharStream stream) {
        super(stream);
    }

    @Override
    public void ReInit(SimpleCharStream stream) {
        super.ReInit(stream);
        ahead.clear();
        first = null;
        unitlessInterval = null;
    }

    @Override
    public Token getNextToken() {
        Token t = ahead.isEmpty() ? read() : ahead.removeFirst();
        if (first == null) {
            first = t;
        }
        return t;
    }

    /** Returns the first token of the input, or null before any was read. */
    Token first() {
        return first;
    }

    /** Returns the last interval string that had no unit after it and no unit inside, or null. */
    Token unitlessInterval() {
        return unitlessInterval;
    }

    private Token read() {
        Token t = raw();
        if (t.kind == INTERVAL) {
            readIntervalString();
        }
        return t;
    }

    /** Reads the tokens after INTERVAL into {@link #ahead}, rewriting {@code '7 days'} there. */
    private void readIntervalString() {
        Token next = raw();
        ahead.addLast(next);
        if (next.kind == MINUS || next.kind == PLUS) {
            next = raw();
            ahead.addLast(next);
        }
        if (next.kind != QUOTED_STRING) {
            return;
        }
        Token after = raw();
        if (!UNITS.contains(after.kind)) {
            Optional<PostgresInterval.Single> single = PostgresInterval.single(SqlParserUtil.parseString(next.image));
            if (single.isPresent()) {
                next.image = "'" + single.get().count() + "'";
                ahead.addLast(like(next, unitKind(single.get().unit()), single.get().unit().name()));
            } else {
                unitlessInterval = next;
            }
        }
        ahead.addLast(after);
    }

    private static int unitKind(PostgresInterval.Unit unit) {
        return switch (unit) {
            case YEAR -> YEAR;
            case MONTH -> MONTH;
            case WEEK -> WEEK;
            case DAY -> DAY;
            case HOUR -> HOUR;
            case MINUTE -> MINUTE;
            case SECOND -> SECOND;
        };
    }

    /** Returns a new token of {@code kind} at the position of {@code at}. */
    private static Token like(Token at, int kind, String image) {
        Token t = Token.newToken(kind);
        t.kind = kind;
        t.image = image;
        t.beginLine = at.beginLine;
        t.beginColumn = at.beginColumn;
        t.endLine = at.endLine;
        t.endColumn = at.endColumn;
        return t;
    }

    private Token raw() {
        Token t = super.getNextToken();
        if (t.kind == STREAM) {
            t.kind = IDENTIFIER;
        }
        return t;
    }
}
