package io.gatos.sql.jdbc;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

/**
 * Builds the rows of {@link java.sql.DatabaseMetaData#getColumns} with the catalog's description of
 * each column as its {@code REMARKS}, the catalog's SQL type name, and the sizes that
 * {@link java.sql.ResultSetMetaData} reports ({@link JdbcColumnSize}). Stateless.
 */
final class CatalogColumnFactory implements CalciteMetaColumnFactory {
    static final CatalogColumnFactory INSTANCE = new CatalogColumnFactory();

    private CatalogColumnFactory() {
    }

    @Override
    public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
            String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits,
            int numPrecRadix, int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
        ColumnDef def = Catalog.SCHEMA.equals(tableSchem)
                ? Catalog.get().table(tableName).flatMap(t -> t.column(columnName)).orElse(null)
                : null;
        int size = JdbcColumnSize.of(dataType, columnSize);
        return new RemarkedColumn(tableCat, tableSchem, tableName, columnName, dataType,
                def == null ? typeName : def.type().sqlTypeName(), size, JdbcColumnSize.decimalDigits(dataType,
                decimalDigits), numPrecRadix, nullable, JdbcColumnSize.charOctetLength(dataType, size),
                ordinalPosition, isNullable, def == null ? null : def.description());
    }

    @Override
    public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
        return RemarkedColumn.class;
    }

    /** Carries a column's remarks; the public field hides the always-null one of its superclass. */
    public static final class RemarkedColumn extends MetaImpl.MetaColumn {
        /** The catalog description of the column, or null outside schema gatos. */
        public final String remarks;

        RemarkedColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
                String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix, int nullable,
                Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
            super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits,
                    numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable);
            this.remarks = remarks;
        }
    }
}
