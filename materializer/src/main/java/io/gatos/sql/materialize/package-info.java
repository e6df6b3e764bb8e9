/**
 * Snapshots ledger tables or SQL results into export files and computes what makes an export
 * verifiable: the Explorer-Root of GATOS SPEC §15.1 and the manifest written beside the file.
 */
package io.gatos.sql.materialize;
