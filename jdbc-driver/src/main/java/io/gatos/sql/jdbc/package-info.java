/**
 * Maps JDBC to a GATOS repository: the embedded driver {@code jdbc:gatos:repo=PATH}, built on
 * Calcite's driver, with the catalog's descriptions as remarks, its primary and foreign keys and the
 * callable functions in {@link java.sql.DatabaseMetaData}, whose name arguments match as statements
 * match identifiers.
 */
package io.gatos.sql.jdbc;
