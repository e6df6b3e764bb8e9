package io.gatos.sql.calcite.dialect;

import io.gatos.sql.calcite.LedgerFieldTrimmer;
import io.gatos.sql.calcite.LedgerScanMetadata;
import io.gatos.sql.calcite.UnorderedWindowRule;
import java.lang.reflect.Type;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Prepares statements as Calcite does, with gatos-sql's parts in the places Calcite leaves open:
 * the validator with the PostgreSQL functions Calcite lacks ({@link GatosValidator},
 * {@link GatosOperatorTable}), the field trimmer that narrows ledger scans to the columns a statement reads, metadata that knows
 * the row order of ledger scans, and windows that do not claim an order they do not keep. Stateless; the
 * driver creates one per statement preparation.
 */
public class GatosPrepare extends CalcitePrepareImpl {
    /** Creates the preparer; the JDBC driver calls this through its prepare factory. */
    public GatosPrepare() {
        super();
    }

    /**
     * Prepares one statement as Calcite does, refusing statements that write and adding hints to
     * validation errors ({@link Preparation}), and sizes its columns for JDBC readers ({@link ColumnSizes}).
     */
    @Override
    public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
        return Preparation.prepare(context, query.sql, () -> {
            CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
            ColumnSizes.complete(signature.columns);
            return signature;
        });
    }

    /** Creates the cluster with metadata that knows the row order of ledger scans, from the first plan on. */
    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataProvider(LedgerScanMetadata.PROVIDER);
        return cluster;
    }

    /** Creates Calcite's planner with windows that declare no row order ({@link UnorderedWindowRule}). */
    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext, org.apache.calcite.plan.Context external,
            RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, external, costFactory);
        planner.removeRule(EnumerableRules.ENUMERABLE_WINDOW_RULE);
        planner.addRule(UnorderedWindowRule.INSTANCE);
        return planner;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
            CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        RelDataTypeFactory typeFactory = context.getTypeFactory();
        EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
                : EnumerableRel.Prefer.CUSTOM;
        Convention convention = enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE;
        RelOptCluster cluster = createCluster(planner, new RexBuilder(typeFactory));
        return new PreparingStmt(this, context, catalogReader, typeFactory, context.getRootSchema(), prefer, cluster,
                convention, createConvertletTable());
    }

    /** Prepares one statement: converts SQL to relational algebra with the ledger-aware trimmer. */
    private static final class PreparingStmt extends CalcitePreparingStmt {
        private final RelOptCluster cluster;

        PreparingStmt(CalcitePrepareImpl prepare, Context context, Prepare.CatalogReader catalogReader,
                RelDataTypeFactory typeFactory, CalciteSchema schema, EnumerableRel.Prefer prefer,
                RelOptCluster cluster, Convention convention, SqlRexConvertletTable convertletTable) {
            super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, convention,
                    convertletTable);
            this.cluster = cluster;
        }

        /** Validates with gatos-sql's functions before Calcite's, and its PostgreSQL rewrites ({@link GatosValidator}). */
        @Override
        protected SqlValidator createSqlValidator(Prepare.CatalogReader catalogReader,
                UnaryOperator<SqlValidator.Config> configTransform) {
            CalciteConnectionConfig config = context.config();
            SqlOperatorTable operators = SqlOperatorTables.chain(GatosOperatorTable.forConnection(config),
                    catalogReader);
            SqlValidator.Config validatorConfig = configTransform.apply(SqlValidator.Config.DEFAULT
                    .withLenientOperatorLookup(config.lenientOperatorLookup())
                    .withConformance(config.conformance())
                    .withDefaultNullCollation(config.defaultNullCollation())
                    .withIdentifierExpansion(true));
            return new GatosValidator(operators, (CalciteCatalogReader) catalogReader, context.getTypeFactory(),
                    validatorConfig);
        }

        /** Runs Calcite's standard program with metadata that knows the row order of ledger scans. */
        @Override
        protected Program getProgram() {
            return Programs.standard(LedgerScanMetadata.PROVIDER);
        }

        @Override
        protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, Prepare.CatalogReader catalogReader,
                SqlToRelConverter.Config config) {
            SqlToRelConverter.Config withDecorrelation = config.withTopDownGeneralDecorrelationEnabled(
                    context.config().topDownGeneralDecorrelationEnabled());
            return new SqlToRelConverter(this, validator, catalogReader, cluster, convertletTable,
                    withDecorrelation) {
                @Override
                protected RelFieldTrimmer newFieldTrimmer() {
                    return new LedgerFieldTrimmer(validator, config.getRelBuilderFactory().create(cluster, null));
                }
            };
        }
    }
}
