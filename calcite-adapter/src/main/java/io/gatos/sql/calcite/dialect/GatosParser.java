package io.gatos.sql.calcite.dialect;

import java.io.Reader;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.util.SourceStringReader;

/**
 * Parses gatos-sql's dialect: Calcite's grammar as generated from our {@code config.fmpp}
 * ({@link GatosSqlParserImpl}), plus, on top of it, {@code stream} as an ordinary name (never
 * {@code SELECT STREAM}), PostgreSQL's {@code INTERVAL '7 days'}, statements ending in semicolons,
 * and error messages that say where, what was found, what may come there and which keyword was
 * probably meant. Connections get it through {@link #FACTORY}. One instance parses one statement
 * and is not thread-safe.
 */
public class GatosParser extends GatosSqlParserImpl {
    /** Creates parsers of this dialect; the {@code parserFactory} of gatos connections. */
    public static final SqlParserImplFactory FACTORY = GatosParser::create;

    /** The token kinds our grammar can start a statement with. */
    private static final Set<Integer> STATEMENT_STARTS = Set.of(SELECT, WITH, VALUES, TABLE, EXPLAIN, DESCRIBE,
            LPAREN, INSERT, UPSERT, DELETE, UPDATE, MERGE, CALL, SET, RESET, ALTER);

    private static final String EMPTY = "Syntax error: the statement is empty; write a query such as "
            + "SELECT * FROM events";

    private final DialectTokens tokens;

    private GatosParser(Reader reader) {
        super(reader);
        tokens = new DialectTokens(jj_input_stream);
        token_source = tokens;
    }

    private static GatosParser create(Reader reader) {
        GatosParser parser = new GatosParser(reader);
        if (reader instanceof SourceStringReader source) {
            String sql = source.getSourceString();
            parser.setOriginalSql(sql);
            // As Calcite's own factories do: one buffer the size of the statement (at least 1 character:
            // an empty buffer fails with an index error instead of reading the end of the input).
            parser.jj_input_stream.ReInit(reader, 1, 1, Math.max(1, sql.length()));
        }
        return parser;
    }

    /**
     * Parses one statement, optionally followed by semicolons; a second statement is an error.
     * Uses the grammar's statement list, so semicolons inside string literals or comments are
     * never mistaken for separators.
     */
    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
        if (getToken(1).kind == EOF) {
            throw new SqlParseException(EMPTY, SqlParserPos.ZERO, null, null, null);
        }
        SqlNodeList statements = SqlStmtList();
        if (statements.size() == 1) {
            return statements.get(0);
        }
        SqlParserPos second = statements.get(1).getParserPosition();
        throw new SqlParseException(String.format(Locale.ROOT, "Syntax error at line %d, column %d: one "
                + "statement at a time: a second statement starts here; run it on its own", second.getLineNum(),
                second.getColumnNum()), second, null, null, null);
    }

    /**
     * Converts what the generated parser threw into a {@link SqlParseException} with a message
     * for people: see {@link SyntaxErrors}. Keeps the position and expected tokens of Calcite's
     * own conversion, which tools such as the SQL advisor read.
     */
    @Override
    public SqlParseException normalizeException(Throwable ex) {
        if (ex instanceof SqlParseException done) {
            return done;
        }
        ParseException parseError = ex instanceof ParseException p && p.currentToken != null ? p : null;
        SqlParseException plain = super.normalizeException(ex);
        Token first = tokens.first();
        String message;
        SqlParserPos pos = plain.getPos();
        if (first != null && first.kind == SEMICOLON) {
            message = EMPTY;
        } else if (first != null && !STATEMENT_STARTS.contains(first.kind)) {
            message = SyntaxErrors.badStart(first);
            pos = new SqlParserPos(first.beginLine, first.beginColumn, first.endLine, first.endColumn);
        } else if (parseError != null && parseError.currentToken == tokens.unitlessInterval()) {
            Token string = parseError.currentToken;
            message = SyntaxErrors.at(string) + PostgresInterval.advice(string.image,
                    SqlParserUtil.parseString(string.image));
        } else if (ex instanceof TokenMgrError lexical) {
            message = SyntaxErrors.lexical(lexical.getMessage()).orElse(plain.getMessage());
        } else if (parseError != null && plain.getExpectedTokenSequences() != null) {
            message = SyntaxErrors.unexpected(parseError.currentToken, plain.getExpectedTokenSequences(),
                    plain.getTokenImages());
        } else {
            return plain;
        }
        return new SqlParseException(message, pos, plain.getExpectedTokenSequences(), plain.getTokenImages(),
                plain.getCause());
    }
}
