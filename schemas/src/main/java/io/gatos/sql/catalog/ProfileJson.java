package io.gatos.sql.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.layout.Plane;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code profile} of a table in catalog.json into a {@link TableProfile}, a fact it does
 * not declare as null (the catalog then refuses the table):
 * <pre>
 * "profile": {"refresh": "append-only", "dependsOn": ["journal"], "partitioning": "utc-day(ts)",
 *             "indexes": [["ns", "ts"], ["kind"]]}
 * </pre>
 * {@code refresh} is {@code append-only} or {@code rewritten}; {@code dependsOn} a list of plane
 * names ({@link Plane#sqlName()}) or {@code "any"}; {@code partitioning} {@code none},
 * {@code utc-day(COLUMN)} or {@code value(COLUMN)}.
 */
final class ProfileJson {
    private static final Pattern PARTITION = Pattern.compile("(utc-day|value)\\(([a-z_]+)\\)");

    private ProfileJson() {
    }

    /** Returns the profile of table {@code table} that {@code json} declares. */
    static TableProfile parse(String table, JsonNode json) {
        RefreshKind refresh = json.hasNonNull("refresh") ? RefreshKind.ofJson(json.path("refresh").asText()) : null;
        Set<Plane> planes = json.hasNonNull("dependsOn") ? planes(json.path("dependsOn")) : null;
        PartitionDef partitioning = json.hasNonNull("partitioning")
                ? partitioning(table, json.path("partitioning").asText()) : null;
        List<IndexDef> indexes = null;
        if (json.hasNonNull("indexes")) {
            indexes = new ArrayList<>();
            for (JsonNode index : json.path("indexes")) {
                indexes.add(new IndexDef(table, Catalog.texts(index)));
            }
        }
        return new TableProfile(refresh, planes, partitioning, indexes);
    }

    private static Set<Plane> planes(JsonNode json) {
        if (json.isTextual() && json.asText().equals("any")) {
            return TableProfile.ANY_PLANE;
        }
        Set<Plane> planes = EnumSet.noneOf(Plane.class);
        for (String name : Catalog.texts(json)) {
            try {
                planes.add(Plane.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("catalog: unknown plane '" + name + "' in dependsOn", e);
            }
        }
        return planes;
    }

    private static PartitionDef partitioning(String table, String text) {
        if (text.equals("none")) {
            return PartitionDef.NONE;
        }
        Matcher m = PARTITION.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("catalog: table " + table + " partitions by '" + text
                    + "'; write none, utc-day(COLUMN) or value(COLUMN)");
        }
        PartitionDef.By by = m.group(1).equals("value") ? PartitionDef.By.VALUE : PartitionDef.By.UTC_DAY;
        return new PartitionDef(by, m.group(2));
    }
}
