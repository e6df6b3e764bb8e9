/**
 * Reads directories of CSV, JSON and JSON Lines files through a declared schema (a JSON or YAML
 * file naming, per file-name pattern, the dataset and its typed columns), mounts them as a Calcite
 * schema next to the ledger tables, and converts them to Hive-partitioned Parquet.
 */
package io.gatos.sql.materialize.files;
