/**
 * Runs the golden query corpus ({@code src/test/resources/corpus/*.test}, format in its README):
 * parses the case files, renders results and errors canonically, and compares every case over four
 * ways of connecting (embedded and remote, row cache on and off), or re-records the expected blocks.
 */
package io.gatos.sql.server.corpus;
