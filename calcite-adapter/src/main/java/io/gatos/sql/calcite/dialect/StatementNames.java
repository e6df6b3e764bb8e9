package io.gatos.sql.calcite.dialect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Reads from one parsed statement the names a validation error may have misspelled: the relations
 * its FROM clauses name (each with the name it is referred to by and its columns), the aliases of
 * its select lists, and the calls found at a position of the statement's text. Built once per
 * failed statement; costs one walk of the parse tree plus one column look-up per table named.
 * Immutable.
 */
final class StatementNames {
    /** Looks up the columns of a table named as a FROM clause names it (qualified or not). */
    @FunctionalInterface
    interface TableColumns {
        /** Returns the columns of the table {@code names}, in order; empty when there is no such table. */
        List<String> of(List<String> names);
    }

    /**
     * One relation of a FROM clause.
     *
     * @param alias the name it is referred to by (its alias, else the table's last name); empty for
     *     a subquery without alias
     * @param columns its columns, as far as they are known
     */
    record Relation(String alias, List<String> columns) {
        Relation {
            requireNonNull(alias, "alias");
            columns = List.copyOf(columns);
        }
    }

    private final String sql;
    private final SqlNode statement;
    private final TableColumns tables;
    /** The queries of WITH items by lower-case name; WITH items shadow tables. */
    private final Map<String, SqlWithItem> withItems = new TreeMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Set<String> selectAliases = new LinkedHashSet<>();

    private StatementNames(String sql, SqlNode statement, TableColumns tables) {
        this.sql = sql;
        this.statement = statement;
        this.tables = tables;
        collect(statement);
    }

    /**
     * Reads the names of {@code statement}, parsed from {@code sql}, looking up the columns of the
     * tables it names with {@code tables}.
     */
    static StatementNames of(String sql, SqlNode statement, TableColumns tables) {
        return new StatementNames(requireNonNull(sql, "sql"), requireNonNull(statement, "statement"),
                requireNonNull(tables, "tables"));
    }

    /** Returns the relations of every FROM clause of the statement, outermost and first first. */
    List<Relation> relations() {
        return List.copyOf(relations);
    }

    /** Returns every column of every relation, then every alias of a select list, each name once. */
    List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        relations.forEach(r -> out.addAll(r.columns()));
        out.addAll(selectAliases);
        return List.copyOf(out);
    }

    /** Returns the columns of the relations referred to as {@code alias} (any letter case). */
    List<String> columnsOf(String alias) {
        Set<String> out = new LinkedHashSet<>();
        relations.stream().filter(r -> r.alias().equalsIgnoreCase(alias)).forEach(r -> out.addAll(r.columns()));
        return List.copyOf(out);
    }

    /** Returns the names of the statement's relations, each once. */
    List<String> aliases() {
        return relations.stream().map(Relation::alias).filter(a -> !a.isEmpty()).distinct().toList();
    }

    /** Returns the names of the identifier that starts at ({@code line}, {@code column}), if any. */
    Optional<List<String>> identifierAt(int line, int column) {
        return find(statement, n -> n instanceof SqlIdentifier id && startsAt(id.getParserPosition(), line, column))
                .map(n -> ((SqlIdentifier) n).names);
    }

    /**
     * Returns the name of the function called with a {@code *} argument at ({@code line},
     * {@code column}), as written: {@code COUNTT} for {@code COUNTT(*)}.
     */
    Optional<String> functionOfStarAt(int line, int column) {
        return find(statement, n -> n instanceof SqlCall call && call.getOperator() instanceof SqlFunction
                && call.getOperandList().stream().anyMatch(o -> o instanceof SqlIdentifier id && id.isStar()
                        && startsAt(id.getParserPosition(), line, column)))
                .map(n -> ((SqlCall) n).getOperator().getName());
    }

    /**
     * Returns the text of the two operands of the binary {@code kind} call at {@code pos}, as the
     * statement spells them, in parentheses when they are themselves operator expressions.
     */
    Optional<List<String>> operandsAt(SqlKind kind, SqlParserPos pos) {
        return find(statement, n -> n instanceof SqlBasicCall call && call.getKind() == kind
                && call.operandCount() == 2 && call.getParserPosition().equals(pos))
                .map(n -> ((SqlCall) n).getOperandList().stream().map(this::text).toList());
    }

    private String text(SqlNode node) {
        SqlParserPos p = node.getParserPosition();
        int from = SqlParserUtil.lineColToIndex(sql, p.getLineNum(), p.getColumnNum());
        int to = SqlParserUtil.lineColToIndex(sql, p.getEndLineNum(), p.getEndColumnNum()) + 1;
        String text = sql.substring(from, Math.min(to, sql.length())).strip();
        boolean operator = node instanceof SqlCall call && switch (call.getOperator().getSyntax()) {
            case BINARY, PREFIX, POSTFIX -> true;
            default -> false;
        };
        return operator && !(text.startsWith("(") && text.endsWith(")")) ? "(" + text + ")" : text;
    }

    private static boolean startsAt(SqlParserPos pos, int line, int column) {
        return pos.getLineNum() == line && pos.getColumnNum() == column;
    }

    /** Returns the first node, depth first, that {@code test} accepts. */
    private static Optional<SqlNode> find(SqlNode node, Predicate<SqlNode> test) {
        if (node == null) {
            return Optional.empty();
        }
        if (test.test(node)) {
            return Optional.of(node);
        }
        List<SqlNode> children = node instanceof SqlNodeList list ? list.getList()
                : node instanceof SqlCall call ? call.getOperandList() : List.of();
        for (SqlNode child : children) {
            Optional<SqlNode> found = find(child, test);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Collects the relations and select aliases of {@code node} and of every query inside it. */
    private void collect(SqlNode node) {
        if (node instanceof SqlWith with) {
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                withItems.put(withItem.name.getSimple().toLowerCase(Locale.ROOT), withItem);
            }
        }
        if (node instanceof SqlSelect select) {
            relations.addAll(relationsOf(select.getFrom()));
            for (SqlNode item : select.getSelectList()) {
                if (item.getKind() == SqlKind.AS) {
                    selectAliases.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
                }
            }
        }
        if (node instanceof SqlNodeList list) {
            list.forEach(this::collect);
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(this::collect);
        }
    }

    /** Returns the relations a FROM clause (or one of its parts) names. */
    private List<Relation> relationsOf(SqlNode from) {
        if (from == null) {
            return List.of();
        }
        if (from instanceof SqlJoin join) {
            List<Relation> both = new ArrayList<>(relationsOf(join.getLeft()));
            both.addAll(relationsOf(join.getRight()));
            return both;
        }
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            String alias = ((SqlIdentifier) as.operand(1)).getSimple();
            List<String> renamed = as.getOperandList().subList(2, as.operandCount()).stream()
                    .map(c -> ((SqlIdentifier) c).getSimple()).toList();
            return List.of(new Relation(alias, renamed.isEmpty() ? columnsOfRelation(as.operand(0)) : renamed));
        }
        if (from instanceof SqlIdentifier id) {
            return List.of(new Relation(id.names.get(id.names.size() - 1), columnsOfRelation(id)));
        }
        return List.of(new Relation("", columnsOfRelation(from)));
    }

    /** Returns the columns of a relation: a table, a WITH item or a subquery. */
    private List<String> columnsOfRelation(SqlNode relation) {
        if (relation instanceof SqlIdentifier id) {
            SqlWithItem item = id.isSimple() ? withItems.get(id.getSimple().toLowerCase(Locale.ROOT)) : null;
            if (item == null) {
                return tables.of(id.names);
            }
            return item.columnList != null
                    ? item.columnList.stream().map(c -> ((SqlIdentifier) c).getSimple()).toList()
                    : outputNames(item.query);
        }
        return outputNames(relation);
    }

    /** Returns the names of the columns a query gives, as far as they can be told from its text. */
    private List<String> outputNames(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy) {
            return outputNames(orderBy.query);
        }
        if (query instanceof SqlWith with) {
            return outputNames(with.body);
        }
        if (query instanceof SqlSelect select) {
            List<String> out = new ArrayList<>();
            for (SqlNode item : select.getSelectList()) {
                out.addAll(itemNames(item, select));
            }
            return out;
        }
        if (query instanceof SqlCall call && call.getOperator().getSyntax() == SqlSyntax.BINARY
                && query.getKind().belongsTo(SqlKind.SET_QUERY)) {
            return outputNames(call.operand(0));
        }
        return List.of();
    }

    private List<String> itemNames(SqlNode item, SqlSelect select) {
        if (item.getKind() == SqlKind.AS) {
            return List.of(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
        }
        if (!(item instanceof SqlIdentifier id)) {
            return List.of();
        }
        if (!id.isStar()) {
            return List.of(id.names.get(id.names.size() - 1));
        }
        List<Relation> from = relationsOf(select.getFrom());
        String qualifier = id.names.size() > 1 ? id.names.get(id.names.size() - 2) : null;
        return from.stream().filter(r -> qualifier == null || r.alias().equalsIgnoreCase(qualifier))
                .flatMap(r -> r.columns().stream()).toList();
    }
}
