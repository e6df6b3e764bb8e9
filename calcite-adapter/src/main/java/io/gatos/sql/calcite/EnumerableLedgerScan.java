package io.gatos.sql.calcite;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.FlatLists;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Runs a {@link LedgerScan} in Calcite's enumerable convention: the generated code calls back into
 * {@link LedgerTable#scan} with the scan's columns and filters, for the snapshot of the running
 * statement. Immutable.
 */
final class EnumerableLedgerScan extends LedgerScan implements EnumerableRel {
    EnumerableLedgerScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, LedgerTable<?> ledgerTable,
            ImmutableIntList fields, ImmutableList<RexNode> filters) {
        super(cluster, traits, table, ledgerTable, fields, filters);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new EnumerableLedgerScan(getCluster(), traitSet, relOptTable(), ledgerTable(), fields(), filters());
    }

    /**
     * Hands the generated code a {@link Bindable} that scans with this node's columns and filters,
     * in Calcite's row format for their number: an array, one bare value, or an empty list.
     */
    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        LedgerTable<?> table = ledgerTable();
        List<RexNode> pushed = filters();
        int[] columns = fields().toIntArray();
        Function1<Object[], Object> format = switch (physType.getFormat()) {
            case SCALAR -> row -> row[0];
            case LIST -> row -> FlatLists.COMPARABLE_EMPTY_LIST;
            default -> row -> row;
        };
        Bindable<Object> rows = root -> table.scan(root, new ArrayList<>(pushed), columns).select(format);
        Expression stashed = implementor.stash(rows, Bindable.class);
        return implementor.result(physType, Blocks.toBlock(
                Expressions.call(stashed, BuiltInMethod.BINDABLE_BIND.method, implementor.getRootExpression())));
    }
}
