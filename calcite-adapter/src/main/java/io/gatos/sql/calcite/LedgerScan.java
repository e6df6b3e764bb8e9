package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Scans one ledger table with the columns ({@code fields}, table column indexes in output order)
 * and filters (in table column terms) the planner pushed into it. It is created logical (convention
 * {@code NONE}), where the {@link LedgerScanRules} push work into it, and becomes executable when
 * {@link LedgerScanRules#ENUMERABLE} converts it to an {@link EnumerableLedgerScan}. It declares the table's row order ({@link LedgerTable#order()}) mapped through its
 * columns: the longest prefix of that order whose columns it outputs, so a scan never claims an
 * order of columns it does not have.
 *
 * <p>It is deliberately not a {@link org.apache.calcite.rel.core.TableScan}: Calcite's metadata
 * for table scans (unique keys, collations, column origins) is stated in table column terms and
 * would be wrong for a scan that outputs fewer or reordered columns; for any other leaf the
 * metadata says "unknown", which is always safe. Immutable; planning it reads nothing.
 */
public class LedgerScan extends AbstractRelNode {
    private final RelOptTable table;
    private final LedgerTable<?> ledgerTable;
    private final ImmutableIntList fields;
    private final ImmutableList<RexNode> filters;
    /** The filters the table applies exactly (the others are hints), for the planner's estimates. */
    private final List<RexNode> exact;

    LedgerScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, LedgerTable<?> ledgerTable,
            ImmutableIntList fields, ImmutableList<RexNode> filters) {
        super(cluster, traits);
        this.table = requireNonNull(table, "table");
        this.ledgerTable = requireNonNull(ledgerTable, "ledgerTable");
        this.fields = requireNonNull(fields, "fields");
        this.filters = requireNonNull(filters, "filters");
        List<RexNode> residual = ledgerTable.residual(filters);
        this.exact = filters.stream().filter(f -> !residual.contains(f)).toList();
    }

    /** Creates a scan of every column of {@code ledgerTable}, with no filter. */
    static LedgerScan create(RelOptCluster cluster, RelOptTable table, LedgerTable<?> ledgerTable) {
        return create(cluster, table, ledgerTable, ImmutableIntList.identity(table.getRowType().getFieldCount()),
                ImmutableList.of());
    }

    /** Creates a scan of the table columns {@code fields}, in that order, with {@code filters} pushed. */
    static LedgerScan create(RelOptCluster cluster, RelOptTable table, LedgerTable<?> ledgerTable,
            List<Integer> fields, List<RexNode> filters) {
        ImmutableIntList columns = ImmutableIntList.copyOf(fields);
        RelTraitSet traits = cluster.traitSetOf(Convention.NONE)
                .replaceIfs(RelCollationTraitDef.INSTANCE, () -> List.of(project(ledgerTable.order(), columns)));
        return new LedgerScan(cluster, traits, table, ledgerTable, columns, ImmutableList.copyOf(filters));
    }

    /**
     * Maps a table order to output positions: the longest prefix of {@code order} whose columns are
     * all among {@code fields}; empty when the first one is missing.
     */
    static RelCollation project(RelCollation order, List<Integer> fields) {
        List<RelFieldCollation> kept = new ArrayList<>();
        for (RelFieldCollation c : order.getFieldCollations()) {
            int at = fields.indexOf(c.getFieldIndex());
            if (at < 0) {
                break;
            }
            kept.add(c.withFieldIndex(at));
        }
        return RelCollations.of(kept);
    }

    /** Returns the table this scan reads. */
    LedgerTable<?> ledgerTable() {
        return ledgerTable;
    }

    /** Returns the table columns this scan outputs, in output order. */
    ImmutableIntList fields() {
        return fields;
    }

    /** Returns the filters pushed into this scan, in table column terms. */
    ImmutableList<RexNode> filters() {
        return filters;
    }

    /** Returns this scan keeping only its output columns at {@code positions}, in that order; filters stay. */
    LedgerScan keep(List<Integer> positions) {
        return with(positions.stream().map(fields::get).toList(), filters);
    }

    /** Returns this scan with other columns or filters, logical; the table and cluster stay. */
    LedgerScan with(List<Integer> newFields, List<RexNode> newFilters) {
        return create(getCluster(), table, ledgerTable, newFields, newFilters);
    }

    /** Returns this scan in Calcite's enumerable convention, ready to run. */
    EnumerableLedgerScan enumerable() {
        return new EnumerableLedgerScan(getCluster(), getTraitSet().replace(EnumerableConvention.INSTANCE), table,
                ledgerTable, fields, filters);
    }

    /** Returns the table this scan reads, as the planner knows it. */
    RelOptTable relOptTable() {
        return table;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LedgerScan(getCluster(), traitSet, table, ledgerTable, fields, filters);
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> all = table.getRowType().getFieldList();
        RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
        fields.forEach(f -> builder.add(all.get(f)));
        return builder.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getRowType().getFieldNames();
        return super.explainTerms(pw)
                .item("table", table.getQualifiedName())
                .itemIf("fields", names, !fields.equals(ImmutableIntList.identity(table.getRowType().getFieldCount())))
                .itemIf("filters", filters, !filters.isEmpty());
    }

    @Override
    public void register(RelOptPlanner planner) {
        planner.addRule(LedgerScanRules.ENUMERABLE);
        planner.addRule(LedgerScanRules.PROJECT);
        planner.addRule(LedgerScanRules.AGGREGATE);
        planner.addRule(LedgerScanRules.FILTER);
    }

    /**
     * Costs the rows read times the share of columns decoded; filters the table applies exactly
     * cut the rows read (as Calcite estimates a filter's selectivity), and hints (ranges) a little,
     * so the planner prefers pushing work into the scan.
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        double width = (fields.size() + 2d) / (table.getRowType().getFieldCount() + 2d);
        double hints = filters.size() > exact.size() ? 0.9d : 1d;
        return planner.getCostFactory().makeCost(rows, rows + 1, 0).multiplyBy(width * hints);
    }

    /** Estimates the rows left by the filters the table applies exactly. */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double selectivity = exact.isEmpty() ? 1d
                : RelMdUtil.guessSelectivity(RexUtil.composeConjunction(getCluster().getRexBuilder(), exact));
        return table.getRowCount() * selectivity;
    }
}
