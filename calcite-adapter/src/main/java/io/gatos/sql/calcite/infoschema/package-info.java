/**
 * Presents the schema {@code information_schema} with PostgreSQL's names ({@code schemata},
 * {@code tables}, {@code columns}, and the keys: {@code table_constraints}, {@code key_column_usage},
 * {@code referential_constraints}), derived at statement time from the connection's root schema and
 * each table's row type, so it describes every schema a statement can see (the ledger's
 * {@code gatos}, Calcite's {@code metadata}, file sources, itself) without a second list of columns.
 * The ledger's tables add the catalog's descriptions, logical types and keys.
 */
package io.gatos.sql.calcite.infoschema;
