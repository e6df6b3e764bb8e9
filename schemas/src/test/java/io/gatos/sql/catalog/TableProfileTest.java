package io.gatos.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.layout.Plane;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableProfileTest {
    private static final Set<Plane> GOVERNANCE = Set.of(Plane.PROPOSAL, Plane.APPROVAL, Plane.GRANT,
            Plane.REVOCATION);

    @Test
    void everyTableIsAppendedOrRewrittenFromThePlanesItReads() {
        Map<String, String> profiles = new LinkedHashMap<>();
        for (TableDef table : Catalog.get().tables()) {
            TableProfile p = table.profile();
            profiles.put(table.name(), p.refresh() + " " + (p.planes().equals(TableProfile.ANY_PLANE) ? "any"
                    : p.planes().toString()));
        }
        assertThat(profiles).containsExactly(
                Map.entry("commits", "APPEND_ONLY any"),
                Map.entry("events", "APPEND_ONLY [JOURNAL]"),
                Map.entry("shiplog", "APPEND_ONLY [SHIPLOG]"),
                Map.entry("consumers", "REWRITTEN [SHIPLOG, CONSUMER]"),
                Map.entry("state_checkpoints", "REWRITTEN [STATE]"),
                Map.entry("state_nodes", "APPEND_ONLY [STATE]"),
                Map.entry("pointers", "APPEND_ONLY [JOURNAL, STATE]"),
                Map.entry("jobs", "REWRITTEN [JOB]"),
                Map.entry("governance_proposals", "REWRITTEN any"),
                Map.entry("governance_approvals", "REWRITTEN [PROPOSAL, APPROVAL, GRANT, REVOCATION]"),
                Map.entry("governance_grants", "REWRITTEN [PROPOSAL, APPROVAL, GRANT, REVOCATION]"),
                Map.entry("governance_revocations", "REWRITTEN [PROPOSAL, APPROVAL, GRANT, REVOCATION]"),
                Map.entry("refs", "REWRITTEN any"),
                Map.entry("findings", "APPEND_ONLY any"));
    }

    @Test
    void onlyEventsAndStateNodesArePartitioned() {
        for (TableDef table : Catalog.get().tables()) {
            PartitionDef expected = switch (table.name()) {
                case "events" -> new PartitionDef(PartitionDef.By.UTC_DAY, "ts");
                case "state_nodes" -> new PartitionDef(PartitionDef.By.VALUE, "state_ref");
                default -> PartitionDef.NONE;
            };
            assertThat(table.profile().partitioning()).as(table.name()).isEqualTo(expected);
        }
        assertThat(PartitionDef.NONE.partitioned()).isFalse();
        assertThat(PartitionDef.NONE).hasToString("none");
        assertThat(new PartitionDef(PartitionDef.By.UTC_DAY, "ts")).hasToString("utc-day(ts)");
    }

    @Test
    void indexesAreDeclaredOnceAndLeadWithSomethingOtherThanTheKey() {
        List<IndexDef> indexes = Catalog.get().tables().stream().flatMap(t -> t.profile().indexes().stream())
                .toList();
        assertThat(indexes).extracting(IndexDef::name).containsExactly("idx_commits_plane_ts", "idx_events_ns_ts",
                "idx_events_kind", "idx_events_stream_pos", "idx_events_commit_id", "idx_shiplog_topic_pos",
                "idx_shiplog_ulid", "idx_state_checkpoints_ns_ts", "idx_state_nodes_state_ref",
                "idx_pointers_commit_id", "idx_pointers_state_ref", "idx_jobs_status",
                "idx_governance_approvals_proposal_id", "idx_governance_grants_proposal_id",
                "idx_governance_revocations_grant_id", "idx_findings_code");
        for (IndexDef index : indexes) {
            List<String> key = Catalog.get().require(index.table()).primaryKey();
            assertThat(key.isEmpty() || !index.columns().get(0).equals(key.get(0))).as(index.name()).isTrue();
        }
    }

    @Test
    void aTableDependsOnTheRefsOfItsPlanes() {
        TableProfile governance = Catalog.get().require("governance_grants").profile();
        assertThat(governance.planes()).isEqualTo(GOVERNANCE);
        assertThat(governance.dependsOn("refs/gatos/approvals/ab/cd")).isTrue();
        assertThat(governance.dependsOn("refs/gatos/journal/orders/alice")).isFalse();
        assertThat(governance.touchedBy(List.of("refs/gatos/state/x", "refs/gatos/revocations/ab"))).isTrue();
        assertThat(governance.touchedBy(List.of())).isFalse();

        TableProfile consumers = Catalog.get().require("consumers").profile();
        assertThat(consumers.touchedBy(List.of("refs/gatos/messages/t/head"))).as("an old topic spelling").isTrue();
        assertThat(consumers.appendOnly()).isFalse();

        TableProfile refs = Catalog.get().require("refs").profile();
        assertThat(refs.dependsOn("refs/gatos/unknown/x")).as("any ref, of a plane this version knows or not")
                .isTrue();
        assertThat(Catalog.get().require("events").profile().appendOnly()).isTrue();
    }

    @Test
    void planesIterateInDeclaredOrderWhateverTheyCameIn() {
        TableProfile p = new TableProfile(RefreshKind.REWRITTEN, Set.of(Plane.STATE, Plane.JOURNAL),
                PartitionDef.NONE, List.of());
        assertThat(p.planes()).containsExactly(Plane.JOURNAL, Plane.STATE);
        assertThat(RefreshKind.APPEND_ONLY.jsonName()).isEqualTo("append-only");
        assertThat(new IndexDef("shiplog", List.of("topic", "pos")).name()).isEqualTo("idx_shiplog_topic_pos");
    }
}
