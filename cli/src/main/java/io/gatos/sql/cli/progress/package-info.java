/**
 * Reports the progress of long commands on standard error: events written by {@code gatos
 * generate}, rows written by {@code gatos export} (a redrawn line or JSON lines for log collectors).
 */
package io.gatos.sql.cli.progress;
