package io.gatos.sql.materialize.sqlite;

import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.TableDef;
import java.util.List;

/** Declares {@code export_info}, the table that logs one row per export run into the same file. */
final class ExportInfo {
    /** Name of the table. */
    static final String NAME = "export_info";
    /** The table, described like a catalog table; {@code run} is its key (1, 2, 3, ...). */
    static final TableDef DEF = new TableDef(NAME, "One row per export run into this file.", List.of(
            column("run", ColumnType.BIGINT, false, "run number: 1 for the first export into the file, then 2, 3, ..."),
            column("state_ref", ColumnType.VARCHAR, true, "state checkpoint the run exported, if any"),
            column("commit_start", ColumnType.VARCHAR, true, "first commit of the exported range (--since), if any"),
            column("commit_end", ColumnType.VARCHAR, true, "last commit of the exported range"),
            column("ledger_head", ColumnType.VARCHAR, false, "ledger head the run read"),
            column("policy_root", ColumnType.VARCHAR, false, "policy root (empty string when there is none)"),
            column("fold_root", ColumnType.VARCHAR, true, "fold root of the state checkpoint"),
            column("extractor_version", ColumnType.VARCHAR, false, "version of the exporter"),
            column("explorer_root", ColumnType.VARCHAR, false, "Explorer-Root of the export"),
            column("frontier", ColumnType.JSON, false, "the frontier the run read up to"),
            column("tables", ColumnType.JSON, false, "the tables the run wrote and how"),
            column("mode", ColumnType.VARCHAR, false, "full or incremental", "full", "incremental"),
            column("ledger_time", ColumnType.TIMESTAMP, false, "ledger time of the run, epoch ms UTC")),
            List.of("run"));

    private ExportInfo() {
    }

    private static ColumnDef column(String name, ColumnType type, boolean nullable, String description,
            String... values) {
        return new ColumnDef(name, type, nullable, description, List.of(values));
    }

    /** Returns {@code CREATE TABLE IF NOT EXISTS export_info}, a rowid table whose {@code run} is the rowid. */
    static String create() {
        return SqliteTypes.createTable(NAME, DEF.columns().stream().map(SqliteTypes::definition).toList(),
                DEF.primaryKey(), false);
    }
}
