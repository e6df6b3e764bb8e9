package io.gatos.sql.calcite.dialect;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Adds to the messages of Calcite's validator what a user needs to fix the statement: "did you
 * mean 'events'?" after an unknown table, schema, column, table alias or function (the nearest
 * known name, by {@link Nearest}), and what to write instead of subtracting two timestamps.
 * Calcite's own words and position are kept and the hint follows them; a message with nothing
 * near is returned unchanged. Reads the messages of {@code CalciteResource} (objectNotFound,
 * objectNotFoundWithin, tableNameNotFound, columnNotFound, columnNotFoundInTable,
 * validatorUnknownFunction, functionNotFound, unknownIdentifier, canNotApplyOp2Type). Pure.
 */
final class ValidationHints {
    private static final Pattern OBJECT_WITHIN = Pattern.compile("Object '(.+)' not found within '(.+)'");
    private static final Pattern OBJECT = Pattern.compile("Object '(.+)' not found");
    private static final Pattern TABLE = Pattern.compile("Table '(.+)' not found");
    private static final Pattern COLUMN_IN_TABLE = Pattern.compile("Column '(.+)' not found in table '(.+)'");
    private static final Pattern COLUMN = Pattern.compile("Column '(.+)' not found in any table");
    private static final Pattern SIGNATURE = Pattern.compile("No match found for function signature ([^(]+)\\(.*",
            Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("Function '(.+)' not found");
    private static final Pattern STAR = Pattern.compile("Unknown identifier '\\*'");
    private static final Pattern MINUS = Pattern.compile(
            "(Cannot apply '-' to arguments of type '<([^>]+)> - <([^>]+)>')(\\. Supported form\\(s\\):.*)",
            Pattern.DOTALL);

    private ValidationHints() {
    }

    /**
     * Returns {@code message}, which the validator raised for the part of the statement at
     * {@code pos}, with a hint added; empty when there is nothing to add.
     *
     * @param statement the names of the failed statement, or null when it could not be read
     */
    static Optional<String> hint(String message, SqlParserPos pos, ConnectionNames connection,
            StatementNames statement) {
        requireNonNull(message, "message");
        requireNonNull(pos, "pos");
        requireNonNull(connection, "connection");
        Matcher m;
        if ((m = MINUS.matcher(message)).matches()) {
            List<String> operands = statement == null ? null
                    : statement.operandsAt(SqlKind.MINUS, pos).orElse(null);
            String[] texts = operands == null ? new String[2] : operands.toArray(String[]::new);
            String head = m.group(1);
            String tail = m.group(4);
            return DatetimeDifference.advice(m.group(2), m.group(3), texts[0], texts[1])
                    .map(advice -> head + "; " + advice + tail);
        }
        if (STAR.matcher(message).matches()) {
            return starHint(message, pos, connection, statement);
        }
        return suggestion(message, pos, connection, statement).map(s -> message + "; did you mean '" + s + "'?");
    }

    private static Optional<String> suggestion(String message, SqlParserPos pos, ConnectionNames connection,
            StatementNames statement) {
        Matcher m;
        if ((m = OBJECT_WITHIN.matcher(message)).matches()) {
            return table(m.group(1), connection.tablesOf(m.group(2)));
        }
        if ((m = OBJECT.matcher(message)).matches()) {
            return object(m.group(1), pos, connection, statement);
        }
        if ((m = COLUMN_IN_TABLE.matcher(message)).matches()) {
            return statement == null ? Optional.empty() : other(m.group(1), statement.columnsOf(m.group(2)));
        }
        if ((m = COLUMN.matcher(message)).matches()) {
            return statement == null ? Optional.empty() : other(m.group(1), statement.columns());
        }
        if ((m = TABLE.matcher(message)).matches()) {
            return statement == null ? Optional.empty() : other(m.group(1), statement.aliases());
        }
        if ((m = SIGNATURE.matcher(message)).matches() || (m = FUNCTION.matcher(message)).matches()) {
            return function(m.group(1), connection);
        }
        return Optional.empty();
    }

    /**
     * Returns the hint for a {@code *} argument the validator could not resolve because the function
     * it was passed to is unknown ({@code COUNTT(*)}): says so, and names the nearest function.
     */
    private static Optional<String> starHint(String message, SqlParserPos pos, ConnectionNames connection,
            StatementNames statement) {
        if (statement == null) {
            return Optional.empty();
        }
        Optional<String> function = statement.functionOfStarAt(pos.getLineNum(), pos.getColumnNum());
        if (function.isEmpty() || connection.functions().stream().anyMatch(function.get()::equalsIgnoreCase)) {
            return Optional.empty();
        }
        String known = message + ": no function is named '" + function.get() + "'";
        return Optional.of(Nearest.nearest(function.get(), connection.functions())
                .map(s -> known + "; did you mean '" + s + "'?").orElse(known));
    }

    /** Returns the nearest unknown object: a table, or the schema of a qualified name. */
    private static Optional<String> object(String name, SqlParserPos pos, ConnectionNames connection,
            StatementNames statement) {
        List<String> names = statement == null ? List.of()
                : statement.identifierAt(pos.getLineNum(), pos.getColumnNum()).orElse(List.of());
        if (names.size() > 1 && names.get(0).equals(name)) {
            String rest = String.join(".", names.subList(1, names.size()));
            return other(name, connection.schemas()).map(schema -> schema + "." + rest);
        }
        return table(name, connection.tables());
    }

    /** Returns the display name of the table nearest to {@code name}; the first listed wins a tie. */
    private static Optional<String> table(String name, List<ConnectionNames.TableName> tables) {
        Map<String, String> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t.display()));
        return Nearest.nearest(name, byName.keySet()).map(byName::get).filter(d -> !d.equalsIgnoreCase(name));
    }

    private static Optional<String> function(String signatureName, ConnectionNames connection) {
        String name = signatureName.strip();
        String bare = name.substring(name.lastIndexOf('.') + 1);
        if (connection.functions().stream().anyMatch(bare::equalsIgnoreCase)) {
            return Optional.empty();
        }
        return Nearest.nearest(bare, connection.functions());
    }

    /** Returns the candidate nearest to {@code name} among those that are another name. */
    private static Optional<String> other(String name, List<String> candidates) {
        return Nearest.nearest(name, candidates.stream().filter(c -> !c.equalsIgnoreCase(name)).toList());
    }
}
