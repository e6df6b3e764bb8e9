package io.gatos.sql.calcite.exec;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/** Stands in for a statement execution in tests: no schema, no types, optional variables. */
public final class StubDataContext implements DataContext {
    private final Map<String, Object> variables;

    public StubDataContext(Object cancelFlag) {
        this(cancelFlag == null ? Map.of() : Map.of(DataContext.Variable.CANCEL_FLAG.camelName, cancelFlag));
    }

    public StubDataContext(Map<String, Object> variables) {
        this.variables = Map.copyOf(variables);
    }

    public StubDataContext() {
        this(Map.of());
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
        return variables.get(name);
    }
}
