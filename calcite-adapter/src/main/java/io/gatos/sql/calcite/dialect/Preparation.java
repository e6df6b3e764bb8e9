package io.gatos.sql.calcite.dialect;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Wraps the preparation of one SQL statement with gatos-sql's checks on its failures: a statement
 * our grammar does not parse but that starts as a writing one (CREATE, DROP...) gets
 * {@link ReadOnlyException} (parsed writing statements get it from {@link GatosValidator}), and a
 * validation error gets a hint ({@link ValidationHints}), keeping its type, position and Calcite's
 * words. A statement that prepares costs nothing more; a failing one is parsed again (with the
 * connection's parser settings) and the connection's names are read. Stateless.
 */
final class Preparation {
    private Preparation() {
    }

    /**
     * Runs {@code prepare}, the preparation of {@code sql} in {@code context}, with the checks.
     *
     * @param sql the statement's text; null (a prepared relational plan) runs {@code prepare} alone
     * @throws ReadOnlyException if the statement would write
     */
    static <T> T prepare(CalcitePrepare.Context context, String sql, Supplier<T> prepare) {
        if (sql == null) {
            return prepare.get();
        }
        try {
            return prepare.get();
        } catch (CalciteContextException e) {
            throw withHint(e, context, sql, parse(context.config(), sql));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SqlParseException) {
                Optional<String> writing = ReadOnlyStatements.writing(sql);
                if (writing.isPresent()) {
                    throw new ReadOnlyException(writing.get());
                }
            }
            throw e;
        }
    }

    /** Parses {@code sql} as Calcite's preparation does; null when it does not parse. */
    static SqlNode parse(CalciteConnectionConfig config, String sql) {
        SqlParser.Config parserConfig = SqlParser.config()
                .withQuotedCasing(config.quotedCasing())
                .withUnquotedCasing(config.unquotedCasing())
                .withQuoting(config.quoting())
                .withConformance(config.conformance())
                .withCaseSensitive(config.caseSensitive());
        SqlParserImplFactory factory = config.parserFactory(SqlParserImplFactory.class, null);
        if (factory != null) {
            parserConfig = parserConfig.withParserFactory(factory);
        }
        try {
            return SqlParser.create(sql, parserConfig).parseStmt();
        } catch (SqlParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns {@code e} with a hint added to its message, or {@code e} itself when it is no
     * validation error, there is nothing to add, or the hint cannot be computed.
     */
    private static CalciteContextException withHint(CalciteContextException e, CalcitePrepare.Context context,
            String sql, SqlNode statement) {
        if (!(e.getCause() instanceof SqlValidatorException cause) || cause.getMessage() == null) {
            return e;
        }
        String full = e.getMessage();
        String suffix = ": " + cause.getMessage();
        if (full == null || !full.endsWith(suffix)) {
            return e;
        }
        Optional<String> hinted;
        SqlParserPos pos = new SqlParserPos(e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
        try {
            ConnectionNames names = ConnectionNames.of(context);
            StatementNames statementNames = statement == null ? null
                    : StatementNames.of(sql, statement, names.columns());
            hinted = ValidationHints.hint(cause.getMessage(), pos, names, statementNames);
        } catch (RuntimeException hintFailed) {
            e.addSuppressed(hintFailed);
            return e;
        }
        if (hinted.isEmpty()) {
            return e;
        }
        SqlValidatorException hintedCause = new SqlValidatorException(hinted.get(), null);
        hintedCause.setStackTrace(cause.getStackTrace());
        CalciteContextException out = new CalciteContextException(full.substring(0, full.length() - suffix.length()),
                hintedCause, e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn());
        out.setOriginalStatement(e.getOriginalStatement());
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
