package io.gatos.sql.calcite;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.LedgerSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * Presents one GATOS repository as the Calcite schema {@code gatos}: every table of the catalog
 * plus the table function {@code shiplog_read}. Borrows the repository (the caller closes it);
 * building the schema reads nothing, each statement reads one snapshot of the refs (by default a
 * fresh one; a snapshot supplier may hand based snapshots, which make the history tables present
 * only what was added since a previous export).
 */
public final class GatosSchema extends AbstractSchema {
    /** Name of the table function implementing ADR-0005's read. */
    public static final String SHIPLOG_READ = "shiplog_read";

    private static final Multimap<String, Function> FUNCTIONS =
            ImmutableMultimap.of(SHIPLOG_READ, TableFunctionImpl.create(ShiplogReadFunction.class, "eval"));

    private final LedgerRepository repository;
    private final SnapshotRegistry snapshots;
    private final Map<String, Table> tables;
    private final SegmentStore cache;

    /**
     * Creates the schema over {@code repository} with the default row cache ({@link CacheConfig#DEFAULT});
     * each statement execution reads a fresh snapshot of its refs.
     */
    public GatosSchema(LedgerRepository repository) {
        this(repository, CacheConfig.DEFAULT);
    }

    /** Creates the schema over {@code repository} with row cache settings {@code cache}; fresh snapshots. */
    public GatosSchema(LedgerRepository repository, CacheConfig cache) {
        this(repository, repository::snapshot, cache);
    }

    /**
     * Creates the schema over {@code repository} whose statements read the snapshots {@code supplier}
     * hands (for example based ones, {@link LedgerSnapshot#withBase}): it is called once per
     * statement execution, and must return a non-null snapshot of {@code repository}.
     */
    public GatosSchema(LedgerRepository repository, Supplier<LedgerSnapshot> supplier) {
        this(repository, supplier, CacheConfig.OFF);
    }

    /**
     * Creates the schema over {@code repository} reading the snapshots {@code supplier} hands, with
     * row cache settings {@code cache}: an enabled cache keeps decoded events in the git dir's
     * {@code gatos-sql/} directory and reads them back instead of decoding again.
     */
    public GatosSchema(LedgerRepository repository, Supplier<LedgerSnapshot> supplier, CacheConfig cache) {
        this.repository = requireNonNull(repository, "repository");
        SegmentStore store = requireNonNull(cache, "cache").enabled()
                ? new SegmentStore(repository.git().getDirectory().toPath(), cache.maxBytes()) : null;
        this.cache = store;
        this.snapshots = new SnapshotRegistry(requireNonNull(supplier, "supplier"));
        List<LedgerTable<?>> all = List.of(new CommitsTable(snapshots), new EventsTable(snapshots, store),
                new ShiplogTable(snapshots), new ConsumersTable(snapshots), new StateCheckpointsTable(snapshots),
                new StateNodesTable(snapshots), new PointersTable(snapshots), new JobsTable(snapshots),
                new GovernanceTables.Proposals(snapshots), new GovernanceTables.Approvals(snapshots),
                new GovernanceTables.Grants(snapshots), new GovernanceTables.Revocations(snapshots),
                new RefsTable(snapshots), new FindingsTable(snapshots));
        Map<String, Table> byName = new LinkedHashMap<>();
        all.forEach(t -> byName.put(t.definition().name(), t));
        Catalog.get().tables().forEach(def -> {
            if (!byName.containsKey(def.name())) {
                throw new IllegalStateException("no table class presents catalog table " + def.name());
            }
        });
        this.tables = Map.copyOf(byName);
    }

    /** Returns the repository this schema reads. */
    public LedgerRepository repository() {
        return repository;
    }

    /** Returns the row cache this schema uses, or null when it has none. */
    public SegmentStore cache() {
        return cache;
    }

    SnapshotRegistry snapshots() {
        return snapshots;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }

    @Override
    protected Multimap<String, Function> getFunctionMultimap() {
        return FUNCTIONS;
    }
}
