package io.gatos.sql.calcite;

import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Trims unused columns as Calcite's {@link RelFieldTrimmer} does, and narrows ledger scans to the
 * columns the query reads (Calcite trims only its own table scans), so that a scan decodes only
 * what is used: {@code COUNT(*)} reads no column, a join reads its keys and selected columns. Used
 * once per statement, when SQL becomes a plan; not thread-safe, like its superclass.
 */
public final class LedgerFieldTrimmer extends RelFieldTrimmer {
    /** Creates a trimmer that builds new nodes with {@code builder}; {@code validator} may be null. */
    public LedgerFieldTrimmer(SqlValidator validator, RelBuilder builder) {
        super(validator, builder);
    }

    /**
     * Narrows {@code scan} to {@code fieldsUsed}; Calcite's trimmer finds this method by reflection
     * (it dispatches on the node's class), so it must stay public.
     */
    public TrimResult trimFields(LedgerScan scan, ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields) {
        int fieldCount = scan.getRowType().getFieldCount();
        if (fieldsUsed.cardinality() == fieldCount || !extraFields.isEmpty()) {
            return result(scan, Mappings.createIdentity(fieldCount));
        }
        List<Integer> used = fieldsUsed.asList();
        LedgerScan narrowed = scan.keep(used);
        if (used.isEmpty()) {
            return dummyProject(fieldCount, narrowed);
        }
        Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, used.size());
        for (int i = 0; i < used.size(); i++) {
            mapping.set(used.get(i), i);
        }
        return result(narrowed, mapping);
    }
}
