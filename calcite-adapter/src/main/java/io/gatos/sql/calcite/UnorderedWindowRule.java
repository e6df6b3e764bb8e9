package io.gatos.sql.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalWindow;

/**
 * Converts a window to Calcite's enumerable window, which declares no row order. Calcite's own rule
 * lets the window claim its input's order, but the enumerable window regroups rows by partition, so
 * with a sorted input (the cached {@code events} scan) an {@code ORDER BY} above it would be dropped
 * and rows would come out in the wrong order. Replaces {@link EnumerableRules#ENUMERABLE_WINDOW_RULE}.
 * Stateless.
 */
public final class UnorderedWindowRule extends ConverterRule {
    /** The rule. */
    public static final UnorderedWindowRule INSTANCE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalWindow.class, Convention.NONE, EnumerableConvention.INSTANCE,
                    "UnorderedWindowRule")
            .withRuleFactory(UnorderedWindowRule::new).toRule(UnorderedWindowRule.class);

    private UnorderedWindowRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        RelNode window = ((ConverterRule) EnumerableRules.ENUMERABLE_WINDOW_RULE).convert(rel);
        return window.copy(window.getTraitSet().replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY),
                window.getInputs());
    }
}
