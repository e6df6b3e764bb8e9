package io.gatos.sql.catalog;

import io.gatos.sql.layout.Plane;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Declares what exports and metadata need to know of a catalog table beyond its columns and keys:
 * whether runs append to it or rewrite it, the planes whose refs it is read from (a moved ref of
 * another plane leaves it unchanged), how the Parquet export partitions it and which indexes the
 * SQLite export creates. Declared once per table in catalog.json; {@link Catalog} refuses a table
 * that lacks any of these facts, so a component is null only in a profile the catalog never held.
 *
 * @param refresh whether runs append to the table or rewrite it
 * @param planes the planes whose refs it depends on ({@link #ANY_PLANE} for every ref)
 * @param partitioning how the table is split into directories ({@link PartitionDef#NONE} when it is not)
 * @param indexes its indexes, empty when it has none
 */
public record TableProfile(RefreshKind refresh, Set<Plane> planes, PartitionDef partitioning,
        List<IndexDef> indexes) {
    /** The planes of a table that any ref under {@code refs/gatos/} can change: all of them. */
    public static final Set<Plane> ANY_PLANE = Collections.unmodifiableSet(EnumSet.allOf(Plane.class));

    /** Copies the collections it is given; the planes iterate in their declared order. */
    public TableProfile {
        planes = planes == null ? null : planes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(planes));
        indexes = indexes == null ? null : List.copyOf(indexes);
    }

    /** Returns whether runs add the rows of new commits instead of rewriting the table. */
    public boolean appendOnly() {
        return refresh == RefreshKind.APPEND_ONLY;
    }

    /** Returns whether a move of {@code ref} (a ref name under {@code refs/gatos/}) can change the table. */
    public boolean dependsOn(String ref) {
        return planes.contains(Plane.of(ref));
    }

    /** Returns whether a move of any of {@code refs} (ref names) can change the table. */
    public boolean touchedBy(Collection<String> refs) {
        return refs.stream().anyMatch(this::dependsOn);
    }
}
