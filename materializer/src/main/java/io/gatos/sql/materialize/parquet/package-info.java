/**
 * Maps rows to Parquet files without Hadoop: column kinds to Parquet physical and logical types
 * (TABLES.md type mapping), rows to records, pages to ZSTD through zstd-jni, and one sorted,
 * partitioned dataset directory per export.
 */
package io.gatos.sql.materialize.parquet;
