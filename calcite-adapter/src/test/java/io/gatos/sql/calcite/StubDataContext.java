package io.gatos.sql.calcite;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/** Stands in for a statement execution in tests: no schema, no types, an optional cancel flag. */
final class StubDataContext implements DataContext {
    private final Object cancelFlag;

    StubDataContext(Object cancelFlag) {
        this.cancelFlag = cancelFlag;
    }

    StubDataContext() {
        this(null);
    }

    @Override
    public SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return null;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        return DataContext.Variable.CANCEL_FLAG.camelName.equals(name) ? cancelFlag : null;
    }
}
