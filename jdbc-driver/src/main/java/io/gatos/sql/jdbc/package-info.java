/**
 * Maps JDBC to a GATOS repository: the embedded driver {@code jdbc:gatos:repo=PATH}, built on
 * Calcite's driver, with the catalog's descriptions as column remarks and its primary keys in
 * {@link java.sql.DatabaseMetaData}.
 */
package io.gatos.sql.jdbc;
