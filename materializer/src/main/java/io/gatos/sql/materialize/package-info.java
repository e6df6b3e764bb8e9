/**
 * Holds what every writer of the materializer shares: failures with a code, the lock of an output,
 * atomic replacement of files, the fault seam of commits, progress observers and each table's export
 * policy. The exports, their manifest, query materialization and each file format live in the
 * subpackages.
 */
package io.gatos.sql.materialize;
