/**
 * Defines the export manifest written beside every export ({@code <out>.manifest.json}): its JSON
 * form, how it is read and written, and the Explorer-Root (GATOS SPEC §15.1) and table digests it
 * records.
 */
package io.gatos.sql.materialize.manifest;
