/**
 * Turns the filters Calcite pushes into a table scan into {@link io.gatos.sql.calcite.pushdown.Constraints}
 * (value sets per column and a time and id range) that the ledger scans apply; what cannot be
 * pushed stays with Calcite.
 */
package io.gatos.sql.calcite.pushdown;
