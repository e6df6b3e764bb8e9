package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.calcite.exec.RowEnumerable;
import io.gatos.sql.calcite.exec.StatementGuard;
import io.gatos.sql.calcite.pushdown.Constraints;
import io.gatos.sql.calcite.pushdown.Pushdown;
import io.gatos.sql.calcite.pushdown.RangePushdown;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerSnapshot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Presents one catalog table over a stream of ledger records: the catalog gives the columns, the
 * subclass gives one value function per column and the scan. The planner sees it as a
 * {@link LedgerScan}, into which projections and filters are pushed; equality and IN filters
 * on {@link #pushable} columns are applied by the scan exactly, ranges on the time and id columns
 * are hints. Rows are produced lazily, so a satisfied {@code LIMIT} stops reading.
 *
 * @param <T> the record type of the table
 */
abstract class LedgerTable<T> extends AbstractTable implements TranslatableTable {
    /** Row count the planner assumes; the reader does not count rows ahead of a scan. */
    private static final double ESTIMATED_ROWS = 10_000d;
    private final SnapshotRegistry snapshots;
    private final TableDef def;
    private final List<Function<T, Object>> values;
    private final Map<Integer, String> pushable;
    private final int timeColumn;
    private final int idColumn;

    /** Declares the column values of table {@code name}, in catalog order, and the pushable columns. */
    protected LedgerTable(SnapshotRegistry snapshots, String name, Columns<T> columns, List<String> pushable) {
        this(snapshots, name, columns, pushable, null, null);
    }

    /**
     * Declares the columns as above plus the TIMESTAMP column {@code timeColumn} and VARCHAR column
     * {@code idColumn} (either may be null) whose range filters become {@link Constraints#range()}.
     */
    protected LedgerTable(SnapshotRegistry snapshots, String name, Columns<T> columns, List<String> pushable,
            String timeColumn, String idColumn) {
        this.snapshots = requireNonNull(snapshots, "snapshots");
        this.def = Catalog.get().require(name);
        this.values = columns.valuesFor(def);
        Map<Integer, String> push = new HashMap<>();
        for (String column : pushable) {
            push.put(def.indexOf(column), column);
        }
        this.pushable = Map.copyOf(push);
        this.timeColumn = timeColumn == null ? -1 : def.indexOf(timeColumn);
        this.idColumn = idColumn == null ? -1 : def.indexOf(idColumn);
    }

    /** Returns the catalog definition of this table. */
    public TableDef definition() {
        return def;
    }

    /**
     * Returns the columns whose filters a scan uses: equality and IN on the pushable columns, ranges
     * on the time and id columns (for the connector-conformance test).
     */
    List<String> filteredColumns() {
        List<String> out = new ArrayList<>(new TreeSet<>(pushable.values()));
        for (int c : new int[] {timeColumn, idColumn}) {
            if (c >= 0 && !out.contains(def.columns().get(c).name())) {
                out.add(def.columns().get(c).name());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the records admitted by {@code constraints} (every restricted column must be honoured
     * exactly); {@code projected} says which columns will be read.
     */
    protected abstract Stream<T> rows(LedgerSnapshot snapshot, Constraints constraints, BitSet projected);

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType(def, typeFactory);
    }

    /** Builds the SQL row type of a catalog table. */
    static RelDataType rowType(TableDef def, RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDef column : def.columns()) {
            RelDataType type = switch (column.type()) {
                case VARCHAR, JSON -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
                case INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
                case BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
                case BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
                case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            };
            builder.add(column.name(), typeFactory.createTypeWithNullability(type, column.nullable()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        if (def.primaryKey().isEmpty()) {
            return Statistics.UNKNOWN;
        }
        List<Integer> key = def.primaryKey().stream().map(def::indexOf).toList();
        return Statistics.of(ESTIMATED_ROWS, List.of(ImmutableBitSet.of(key)));
    }

    /**
     * Returns the order in which scans of every column produce rows, in table column terms; empty
     * (the default) when rows come in no particular order. A {@link LedgerScan} declares the
     * part of it that its columns can express.
     */
    protected RelCollation order() {
        return RelCollations.EMPTY;
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return LedgerScan.create(context.getCluster(), relOptTable, this);
    }

    /** Returns whether a scan can use any of {@code filters} (table column terms): to choose refs, look up keys or skip a range. */
    boolean canUse(List<RexNode> filters) {
        Constraints used = constraints(new ArrayList<>(filters));
        return !used.isEmpty() || !used.range().isAll();
    }

    /** Returns the filters among {@code filters} (table column terms) that a scan does not apply exactly. */
    List<RexNode> residual(List<RexNode> filters) {
        List<RexNode> copy = new ArrayList<>(filters);
        constraints(copy);
        return copy;
    }

    /** Derives the scan constraints from {@code filters}, removing those the scan applies exactly. */
    private Constraints constraints(List<RexNode> filters) {
        KeyRange range = timeColumn < 0 && idColumn < 0 ? KeyRange.ALL
                : RangePushdown.extract(filters, timeColumn, idColumn);
        return Pushdown.extract(filters, pushable).withRange(range);
    }

    /**
     * Scans the table columns {@code columns} (in output order) of the snapshot of execution
     * {@code root}, restricted by {@code filters} (table column terms; the list is modified).
     */
    Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] columns) {
        LedgerSnapshot snapshot = snapshots.forExecution(root);
        Constraints constraints = constraints(filters);
        BitSet projected = new BitSet();
        for (int c : columns) {
            projected.set(c);
        }
        return new RowEnumerable<>(definition().name(), () -> rows(snapshot, constraints, projected), this::toRow,
                columns, StatementGuard.of(root));
    }

    private Object[] toRow(T record, int[] columns) {
        Object[] row = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            row[i] = values.get(columns[i]).apply(record);
        }
        return row;
    }

    /** Returns the names of the {@code projected} columns, in table order. */
    protected List<String> projectedNames(BitSet projected) {
        return projected.stream().mapToObj(i -> def.columns().get(i).name()).toList();
    }

    /** Returns whether column {@code name} is among {@code projected}. */
    protected boolean isProjected(BitSet projected, String name) {
        return projected.get(def.indexOf(name));
    }

    /**
     * Collects one value function per column name; {@link #valuesFor} checks them against the
     * catalog so a column is declared once, by name, never by a magic index.
     *
     * @param <T> the record type
     */
    static final class Columns<T> {
        private final Map<String, Function<T, Object>> byName = new java.util.LinkedHashMap<>();

        /** Adds the value function of column {@code name}. */
        public Columns<T> col(String name, Function<T, Object> value) {
            if (byName.put(name, requireNonNull(value, name)) != null) {
                throw new IllegalArgumentException("column " + name + " declared twice");
            }
            return this;
        }

        List<Function<T, Object>> valuesFor(TableDef def) {
            if (!byName.keySet().equals(new java.util.HashSet<>(def.columnNames()))) {
                throw new IllegalStateException("table " + def.name() + " maps columns " + byName.keySet()
                        + " but the catalog declares " + def.columnNames());
            }
            List<Function<T, Object>> out = new ArrayList<>();
            def.columnNames().forEach(n -> out.add(byName.get(n)));
            return List.copyOf(out);
        }
    }
}
