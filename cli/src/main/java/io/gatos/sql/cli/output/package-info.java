/**
 * Prints query results to standard output in the formats of {@code gatos sql --format}: an aligned
 * table, CSV, JSON and NDJSON, streaming rows as they arrive.
 */
package io.gatos.sql.cli.output;
