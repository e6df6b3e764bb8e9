/**
 * Presents the schema {@code information_schema} with PostgreSQL's names ({@code schemata},
 * {@code tables}, {@code columns}), derived at statement time from the connection's root schema and
 * each table's row type, so it describes every schema a statement can see (the ledger's
 * {@code gatos}, Calcite's {@code metadata}, file sources, itself) without a second list of columns.
 * The ledger's tables add the catalog's descriptions and logical types.
 */
package io.gatos.sql.calcite.infoschema;
