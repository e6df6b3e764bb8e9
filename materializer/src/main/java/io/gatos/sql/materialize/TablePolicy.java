package io.gatos.sql.materialize;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Says how an export keeps one catalog table current: an append-only table is read incrementally
 * (only commits added since the last export), a derived table is recomputed from the whole
 * snapshot and rewritten whenever a ref it depends on moved. Declared once per table.
 *
 * @param appendOnly whether rows of old commits never change
 * @param refPrefixes the refs whose movement changes the table; {@code refs/gatos/} means any ref
 */
public record TablePolicy(boolean appendOnly, List<String> refPrefixes) {
    private static final String ANY = "refs/gatos/";
    private static final String JOURNAL = "refs/gatos/journal/";
    private static final String STATE = "refs/gatos/state/";
    private static final List<String> TOPICS = List.of("refs/gatos/shiplog/", "refs/gatos/messages/");
    private static final List<String> GOVERNANCE = List.of("refs/gatos/proposals/", "refs/gatos/approvals/",
            "refs/gatos/grants/", "refs/gatos/revocations/");

    private static final Map<String, TablePolicy> BY_TABLE = Map.ofEntries(
            Map.entry("commits", append(ANY)),
            Map.entry("events", append(JOURNAL)),
            Map.entry("shiplog", new TablePolicy(true, TOPICS)),
            Map.entry("state_nodes", append(STATE)),
            Map.entry("pointers", new TablePolicy(true, List.of(STATE, JOURNAL))),
            Map.entry("findings", append(ANY)),
            Map.entry("consumers", new TablePolicy(false, List.of("refs/gatos/consumers/", TOPICS.get(0),
                    TOPICS.get(1)))),
            Map.entry("state_checkpoints", derived(STATE)),
            Map.entry("jobs", derived("refs/gatos/jobs/")),
            // a proposal's state also depends on the ledger clock (expiry), which moves with any ref
            Map.entry("governance_proposals", derived(ANY)),
            Map.entry("governance_approvals", new TablePolicy(false, GOVERNANCE)),
            Map.entry("governance_grants", new TablePolicy(false, GOVERNANCE)),
            Map.entry("governance_revocations", new TablePolicy(false, GOVERNANCE)),
            Map.entry("refs", derived(ANY)));

    /** Copies the prefixes. */
    public TablePolicy {
        refPrefixes = List.copyOf(requireNonNull(refPrefixes, "refPrefixes"));
    }

    private static TablePolicy append(String prefix) {
        return new TablePolicy(true, List.of(prefix));
    }

    private static TablePolicy derived(String prefix) {
        return new TablePolicy(false, List.of(prefix));
    }

    /** Returns the policy of catalog table {@code table}; every catalog table has one. */
    public static TablePolicy of(String table) {
        TablePolicy policy = BY_TABLE.get(table);
        if (policy == null) {
            throw new IllegalArgumentException("no export policy for table " + table);
        }
        return policy;
    }

    /** Returns whether {@code table} is a catalog table whose rows never change (false for unknown names). */
    public static boolean appendOnlyTable(String table) {
        TablePolicy policy = BY_TABLE.get(table);
        return policy != null && policy.appendOnly();
    }

    /** Returns whether any of {@code refs} (ref names) is one this table depends on. */
    public boolean touchedBy(Collection<String> refs) {
        return refs.stream().anyMatch(ref -> refPrefixes.stream().anyMatch(ref::startsWith));
    }
}
