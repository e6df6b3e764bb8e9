package io.gatos.sql.jdbc;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * Builds the rows of {@link java.sql.DatabaseMetaData#getTables} with the catalog's description of
 * each table as its {@code REMARKS}. Stateless.
 */
final class CatalogTableFactory implements CalciteMetaTableFactory {
    static final CatalogTableFactory INSTANCE = new CatalogTableFactory();

    private CatalogTableFactory() {
    }

    @Override
    public MetaImpl.MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
        String remarks = Catalog.SCHEMA.equals(tableSchem)
                ? Catalog.get().table(tableName).map(TableDef::description).orElse(null)
                : null;
        return new RemarkedTable(table, tableCat, tableSchem, tableName, remarks);
    }

    @Override
    public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
        return RemarkedTable.class;
    }

    /** Carries a table's remarks; the public field hides the always-null one of its superclass. */
    public static final class RemarkedTable extends CalciteMetaImpl.CalciteMetaTable {
        /** The catalog description of the table, or null outside schema gatos. */
        public final String remarks;

        RemarkedTable(Table table, String tableCat, String tableSchem, String tableName, String remarks) {
            super(table, tableCat, tableSchem, tableName);
            this.remarks = remarks;
        }
    }
}
