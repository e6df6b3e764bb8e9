package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.absent;
import static io.gatos.sql.calcite.infoschema.InfoColumn.text;

import io.gatos.sql.calcite.infoschema.VisibleSchemas.SchemaRef;
import java.util.List;
import java.util.stream.Stream;

/**
 * Presents {@code information_schema.schemata}: one row per schema the statement sees, with
 * PostgreSQL's columns. There are no owners or character set settings, so those columns are null.
 */
final class SchemataTable extends InfoTable<SchemaRef> {
    private static final List<InfoColumn<SchemaRef>> COLUMNS = List.of(
            text("catalog_name", s -> InformationSchema.CATALOG),
            text("schema_name", SchemaRef::name),
            absent("schema_owner"),
            absent("default_character_set_catalog"),
            absent("default_character_set_schema"),
            absent("default_character_set_name"),
            absent("sql_path"));

    SchemataTable() {
        super("One row per schema the connection sees.", COLUMNS);
    }

    @Override
    Stream<SchemaRef> rows(VisibleSchemas visible) {
        return visible.schemas().stream();
    }
}
