package io.gatos.sql.calcite.dialect;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Tells statements that would write from those that read: INSERT (and UPSERT), UPDATE, DELETE,
 * MERGE and any DDL, also behind EXPLAIN, by the parsed statement; and, for text our grammar does
 * not parse (it has no DDL), by the first word: CREATE, DROP, ALTER, TRUNCATE, GRANT, REVOKE,
 * COMMENT, RENAME, REPLACE. Pure.
 */
final class ReadOnlyStatements {
    /** The first words of writing statements, as far as our grammar does not parse them. */
    private static final Set<String> WRITING_WORDS = Set.of("INSERT", "UPSERT", "UPDATE", "DELETE", "MERGE",
            "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "COMMENT", "RENAME", "REPLACE");
    /** The words after CREATE, DROP or ALTER that the message names too. */
    private static final Set<String> OBJECTS = Set.of("TABLE", "VIEW", "SCHEMA", "INDEX", "FUNCTION", "TYPE",
            "SEQUENCE", "DATABASE");
    /** Blanks and comments, then the first two words. */
    private static final Pattern FIRST_WORDS = Pattern.compile(
            "(?s)(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*([A-Za-z]+)\\b(?:\\s+([A-Za-z]+)\\b)?");

    private ReadOnlyStatements() {
    }

    /**
     * Returns the kind of writing statement {@code statement} is, as its message names it
     * ({@code INSERT}, {@code CREATE TABLE}...); empty for statements that only read.
     */
    static Optional<String> writing(SqlNode statement) {
        requireNonNull(statement, "statement");
        SqlNode target = statement instanceof SqlExplain explain ? explain.getExplicandum() : statement;
        SqlKind kind = target.getKind();
        if (target instanceof SqlInsert insert && insert.isUpsert()) {
            return Optional.of("UPSERT");
        }
        if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.DELETE || kind == SqlKind.MERGE
                || kind.belongsTo(SqlKind.DDL)) {
            return Optional.of(kind.name().replace('_', ' '));
        }
        return Optional.empty();
    }

    /**
     * Returns the kind of writing statement {@code sql} starts as, by its first words after blanks
     * and comments ({@code CREATE TABLE}, {@code DROP}...); empty when it starts otherwise. For
     * statements that do not parse.
     */
    static Optional<String> writing(String sql) {
        Matcher m = FIRST_WORDS.matcher(requireNonNull(sql, "sql"));
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String first = m.group(1).toUpperCase(Locale.ROOT);
        if (!WRITING_WORDS.contains(first)) {
            return Optional.empty();
        }
        String second = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        boolean named = Set.of("CREATE", "DROP", "ALTER").contains(first) && OBJECTS.contains(second);
        return Optional.of(named ? first + " " + second : first);
    }
}
