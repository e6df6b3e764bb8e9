/**
 * Materializes SQL results into SQLite tables ({@code gatos materialize --query}) and reads the job
 * file of {@code gatos materialize --config}.
 */
package io.gatos.sql.materialize.query;
