package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelRule.OperandTransform;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Holds the planner rules that push work into a {@link LedgerScan}: {@link #PROJECT} and
 * {@link #AGGREGATE} narrow the scan to the columns a projection or an aggregate uses (so a scan
 * decodes only what is read), {@link #FILTER} hands the scan the conjunctions of a
 * filter. A filter the table applies exactly ({@link LedgerTable#residual}) leaves the plan; the
 * others stay above the scan, which may still use them to skip work. Stateless.
 */
final class LedgerScanRules {
    /** Makes a logical scan executable. */
    static final RelOptRule ENUMERABLE = ConverterRule.Config.INSTANCE
            .withConversion(LedgerScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "LedgerScanRule")
            .withRuleFactory(EnumerableRule::new).toRule();
    /** Pushes the columns a projection uses into the scan below it. */
    static final RelOptRule PROJECT = new ScanRuleConfig("LedgerProjectScanRule", b0 -> b0.operand(LogicalProject.class)
            .oneInput(b1 -> logicalScan(b1)), ProjectRule::new).toRule();
    /** Pushes the columns an aggregate reads into the scan below it (a {@code COUNT(*)} reads none). */
    static final RelOptRule AGGREGATE = new ScanRuleConfig("LedgerAggregateScanRule",
            b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> logicalScan(b1)),
            AggregateRule::new).toRule();
    /** Pushes the conjunctions of a filter into the scan below it. */
    static final RelOptRule FILTER = new ScanRuleConfig("LedgerFilterScanRule", b0 -> b0.operand(LogicalFilter.class)
            .oneInput(b1 -> logicalScan(b1)), FilterRule::new).toRule();

    private LedgerScanRules() {
    }

    /** Matches a logical scan: the only kind that sits in the logical subsets the other rules' operands see. */
    private static RelRule.Done logicalScan(RelRule.OperandBuilder b) {
        return b.operand(LedgerScan.class).trait(Convention.NONE).noInputs();
    }

    /** Converts a logical scan to its enumerable twin. */
    static final class EnumerableRule extends ConverterRule {
        EnumerableRule(ConverterRule.Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return ((LedgerScan) rel).enumerable();
        }
    }

    /** Narrows the scan to the columns the projection reads, and keeps the projection above it when it computes. */
    static final class ProjectRule extends RelRule<ScanRuleConfig> {
        ProjectRule(ScanRuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalProject project = call.rel(0);
            LedgerScan scan = call.rel(1);
            Set<Integer> used = new LinkedHashSet<>();
            new RexVisitorImpl<Void>(true) {
                @Override
                public Void visitInputRef(RexInputRef ref) {
                    used.add(ref.getIndex());
                    return null;
                }
            }.visitEach(project.getProjects());
            List<Integer> positions = List.copyOf(used);
            if (positions.equals(ImmutableIntList.identity(scan.fields().size()))) {
                return;
            }
            LedgerScan narrowed = scan.keep(positions);
            List<RexNode> exprs = renumber(project.getProjects(), positions::indexOf, narrowed);
            call.transformTo(call.builder().push(narrowed).project(exprs, project.getRowType().getFieldNames())
                    .build());
        }
    }

    /** Narrows the scan to the columns the aggregate reads; they keep their order, so group keys keep theirs. */
    static final class AggregateRule extends RelRule<ScanRuleConfig> {
        AggregateRule(ScanRuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalAggregate aggregate = call.rel(0);
            LedgerScan scan = call.rel(1);
            List<Integer> positions = List.copyOf(new TreeSet<>(RelOptUtil.getAllFields(aggregate)));
            if (positions.size() == scan.fields().size()) {
                return;
            }
            Map<Integer, Integer> map = new HashMap<>();
            positions.forEach(p -> map.put(p, map.size()));
            Mappings.TargetMapping mapping = Mappings.target(map, scan.fields().size(), positions.size());
            LedgerScan narrowed = scan.keep(positions);
            List<ImmutableBitSet> groupSets = aggregate.getGroupType() == Aggregate.Group.SIMPLE ? null
                    : ImmutableBitSet.ORDERING.immutableSortedCopy(ImmutableBitSet.permute(aggregate.getGroupSets(), map));
            call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrowed, aggregate.getGroupSet().permute(map),
                    groupSets, aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList()));
        }
    }

    /** Hands the scan the filter's conjunctions in table terms; keeps above it those the table does not apply exactly. */
    static final class FilterRule extends RelRule<ScanRuleConfig> {
        FilterRule(ScanRuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalFilter filter = call.rel(0);
            LedgerScan scan = call.rel(1);
            List<RexNode> conjunctions = RelOptUtil.conjunctions(filter.getCondition());
            List<RexNode> inTable = renumber(conjunctions, scan.fields()::get, null);
            List<RexNode> added = new ArrayList<>(scan.filters());
            inTable.stream().filter(c -> !scan.filters().contains(c)).forEach(added::add);
            if (added.size() == scan.filters().size() || !scan.ledgerTable().canUse(inTable)) {
                return;
            }
            List<RexNode> kept = scan.ledgerTable().residual(inTable);
            List<RexNode> residual = new ArrayList<>();
            for (int i = 0; i < conjunctions.size(); i++) {
                if (kept.contains(inTable.get(i))) {
                    residual.add(conjunctions.get(i));
                }
            }
            call.transformTo(call.builder().push(scan.with(scan.fields(), added)).filter(residual).build());
        }
    }

    /**
     * Rewrites the input references of {@code exprs} through {@code index}; with a non-null
     * {@code input} the new references take their types from its row type.
     */
    private static List<RexNode> renumber(List<RexNode> exprs, Function<Integer, Integer> index,
            LedgerScan input) {
        RexShuttle shuttle = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int to = index.apply(ref.getIndex());
                return input == null ? new RexInputRef(to, ref.getType())
                        : RexInputRef.of(to, input.getRowType());
            }
        };
        return exprs.stream().map(e -> e.accept(shuttle)).toList();
    }

    /**
     * Configures one scan rule: Calcite's rule configuration, implemented without its annotation
     * processor. Immutable.
     */
    record ScanRuleConfig(RelBuilderFactory relBuilderFactory, String description, OperandTransform operandSupplier,
            Function<ScanRuleConfig, RelOptRule> factory) implements RelRule.Config {
        ScanRuleConfig {
            requireNonNull(relBuilderFactory, "relBuilderFactory");
            requireNonNull(operandSupplier, "operandSupplier");
            requireNonNull(factory, "factory");
        }

        ScanRuleConfig(String description, OperandTransform operands, Function<ScanRuleConfig, RelOptRule> factory) {
            this(RelFactories.LOGICAL_BUILDER, description, operands, factory);
        }

        @Override
        public RelOptRule toRule() {
            return factory.apply(this);
        }

        @Override
        public ScanRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
            return new ScanRuleConfig(newFactory, description, operandSupplier, factory);
        }

        @Override
        public ScanRuleConfig withDescription(String newDescription) {
            return new ScanRuleConfig(relBuilderFactory, newDescription, operandSupplier, factory);
        }

        @Override
        public ScanRuleConfig withOperandSupplier(OperandTransform transform) {
            return new ScanRuleConfig(relBuilderFactory, description, transform, factory);
        }
    }
}
