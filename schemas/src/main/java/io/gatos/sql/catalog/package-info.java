/**
 * Maps the SQL catalog of gatos-sql (the tables of TABLES.md with their columns, types,
 * nullability, keys, descriptions and profiles: refresh kind, planes read, partitioning, indexes)
 * from the bundled {@code catalog.json} to Java records that the adapter, the JDBC metadata and the
 * exporters all read.
 */
package io.gatos.sql.catalog;
