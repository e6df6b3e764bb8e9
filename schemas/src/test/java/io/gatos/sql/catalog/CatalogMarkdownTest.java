package io.gatos.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.layout.Plane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/CATALOG.md equal to the catalog it documents. Regenerate with
 * {@code mvn -pl schemas test -Dcatalog.regenerate=true}.
 */
class CatalogMarkdownTest {
    private static final Path DOC = Path.of("../docs/CATALOG.md");

    static String render(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("# SQL catalog (version ").append(catalog.version()).append(")\n\n")
                .append("Generated from `schemas/src/main/resources/io/gatos/sql/catalog/catalog.json` by\n")
                .append("`CatalogMarkdownTest`; do not edit by hand. Every table lives in schema `")
                .append(Catalog.SCHEMA).append("`, the default schema of a connection.\n")
                .append("`JSON` columns are VARCHAR holding compact JSON with sorted keys; TIMESTAMP is UTC.\n")
                .append("A column that lists its values (\"one of\") holds nothing else; exports CHECK it.\n")
                .append("`Export:` is the table's profile: append-only (runs add the rows of new commits) or\n")
                .append("rewritten (when a ref of a plane it depends on moved), the Parquet partitioning and the\n")
                .append("SQLite export's indexes.\n")
                .append("See `docs/DECISIONS.md` for how the reader fills columns where the spec is silent.\n");
        for (TableDef t : catalog.tables()) {
            out.append("\n## ").append(t.name()).append("\n\n").append(t.description()).append("\n\n");
            out.append("Primary key: ").append(t.primaryKey().isEmpty() ? "none" : "`" + String.join("`, `",
                    t.primaryKey()) + "`").append("\n\n");
            if (!t.foreignKeys().isEmpty()) {
                out.append("Foreign keys: ").append(String.join(", ", t.foreignKeys().stream()
                        .map(fk -> "`" + String.join("`, `", fk.columns()) + "` → `" + fk.refTable() + "."
                                + String.join("`, `" + fk.refTable() + ".", fk.refColumns()) + "`")
                        .toList())).append("\n\n");
            }
            out.append(profile(t.profile())).append("\n\n");
            out.append("| column | type | null | description |\n|---|---|---|---|\n");
            for (ColumnDef c : t.columns()) {
                out.append("| ").append(c.name()).append(" | ").append(c.type()).append(" | ")
                        .append(c.nullable() ? "yes" : "no").append(" | ")
                        .append(c.description().replace("|", "\\|")).append(values(c)).append(" |\n");
            }
        }
        return out.toString();
    }

    /** Renders a profile: {@code Export: append-only, changed by refs of `journal`; partitioning: ...}. */
    private static String profile(TableProfile p) {
        String planes = p.planes().equals(TableProfile.ANY_PLANE) ? "any plane" : "`" + String.join("`, `",
                p.planes().stream().map(Plane::sqlName).toList()) + "`";
        String indexes = p.indexes().isEmpty() ? "none" : String.join(", ", p.indexes().stream()
                .map(i -> "(`" + String.join("`, `", i.columns()) + "`)").toList());
        return "Export: " + p.refresh().jsonName() + ", changed by refs of " + planes + "; partitioning: "
                + (p.partitioning().partitioned() ? "`" + p.partitioning() + "`" : "none") + "; indexes: " + indexes;
    }

    private static String values(ColumnDef c) {
        return c.enumerated() ? " (one of `" + String.join("`, `", c.values()) + "`)" : "";
    }

    @Test
    void docsMatchTheCatalog() throws IOException {
        String expected = render(Catalog.get());
        if (Boolean.getBoolean("catalog.regenerate")) {
            Files.writeString(DOC, expected);
        }
        assertThat(Files.exists(DOC)).as("docs/CATALOG.md exists (regenerate with -Dcatalog.regenerate=true)")
                .isTrue();
        assertThat(Files.readString(DOC)).as("docs/CATALOG.md is stale: run mvn -pl schemas test"
                + " -Dcatalog.regenerate=true").isEqualTo(expected);
    }
}
