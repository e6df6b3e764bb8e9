package io.gatos.sql.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the column tables of {@code shared/spec/TABLES.md} into table → column → "TYPE[ opt]", and
 * adds the tables the spec describes in prose. Test-only, and independent of catalog.json on purpose.
 */
public final class SpecTables {
    private SpecTables() {
    }

    /** Returns the spec file beside this checkout, or null when there is none. */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/spec/TABLES.md").normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Parses the markdown of TABLES.md. */
    public static Map<String, Map<String, String>> parse(String markdown) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        String current = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                String heading = line.substring(3).trim();
                current = heading.matches("[a-z_]+") ? heading : null;
            } else if (current != null && line.startsWith("| ") && !line.startsWith("| column")
                    && !line.startsWith("|---")) {
                String[] cells = line.split("\\|");
                String type = cells[2].trim();
                for (String name : cells[1].split(",")) {
                    tables.computeIfAbsent(current, k -> new LinkedHashMap<>()).put(name.trim(), type);
                }
            }
        }
        addProse(tables);
        return tables;
    }

    private static void addProse(Map<String, Map<String, String>> tables) {
        Map<String, String> common = Map.of("payload", "JSON opt", "commit_id", "VARCHAR", "ts", "TIMESTAMP",
                "id", "VARCHAR");
        for (String gov : List.of("proposals", "approvals", "grants", "revocations")) {
            tables.put("governance_" + gov, new LinkedHashMap<>(common));
        }
        tables.get("governance_proposals").put("state", "VARCHAR");
        tables.get("governance_proposals").put("approvals", "BIGINT");
        tables.put("refs", new LinkedHashMap<>(Map.of("name", "VARCHAR", "target", "VARCHAR",
                "target_type", "VARCHAR", "plane", "VARCHAR")));
        tables.put("findings", new LinkedHashMap<>(Map.of("ref", "VARCHAR opt", "commit_id", "VARCHAR opt",
                "path", "VARCHAR opt", "code", "VARCHAR", "message", "VARCHAR")));
    }
}
