package io.gatos.sql.calcite.dialect;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * Validates statements as Calcite does, after refusing those that would write
 * ({@link ReadOnlyException}, before anything is validated or planned) and rewriting the PostgreSQL
 * calls Calcite lacks into its own ({@link DialectRewrites}). One per statement; not thread-safe,
 * like its superclass.
 */
final class GatosValidator extends CalciteSqlValidator {
    GatosValidator(SqlOperatorTable operators, CalciteCatalogReader catalogReader, JavaTypeFactory typeFactory,
            Config config) {
        super(operators, catalogReader, typeFactory, config);
    }

    @Override
    public SqlNode validate(SqlNode topNode) {
        ReadOnlyStatements.writing(topNode).ifPresent(kind -> {
            throw new ReadOnlyException(kind);
        });
        return super.validate(topNode);
    }

    @Override
    protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
        return super.performUnconditionalRewrites(node == null ? null : DialectRewrites.rewrite(node), underFrom);
    }
}
