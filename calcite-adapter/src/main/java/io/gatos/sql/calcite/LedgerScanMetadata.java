package io.gatos.sql.calcite;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Tells Calcite's metadata system the row order of a {@link LedgerScan}: the order its traits
 * declare, so a filter or projection above a sorted scan stays sorted and {@code ORDER BY ts DESC}
 * needs no sort. Everything else Calcite asks of a scan it answers as for any unknown leaf
 * ("unknown"). Stateless; public because Calcite compiles calls to it at run time.
 */
public final class LedgerScanMetadata implements MetadataHandler<BuiltInMetadata.Collation> {
    /** Calcite's default metadata, with the scan's order added. */
    public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
            ReflectiveRelMetadataProvider.reflectiveSource(new LedgerScanMetadata(),
                    BuiltInMetadata.Collation.Handler.class),
            DefaultRelMetadataProvider.INSTANCE));

    private LedgerScanMetadata() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.Collation> getDef() {
        return BuiltInMetadata.Collation.DEF;
    }

    /** Returns the order {@code scan} declares in its traits (Calcite calls this by reflection). */
    public ImmutableList<RelCollation> collations(LedgerScan scan, RelMetadataQuery mq) {
        List<RelCollation> declared = scan.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
        return declared == null ? ImmutableList.of() : ImmutableList.copyOf(declared);
    }
}
