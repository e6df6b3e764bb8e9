package io.gatos.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatos.sql.layout.Plane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
    /** A complete profile in catalog.json, with single quotes. */
    private static final String PROFILE = "'profile': {'refresh': 'rewritten', 'dependsOn': ['job'],"
            + " 'partitioning': 'none', 'indexes': []}";

    @Test
    void everyTableOfTheSpecIsInTheCatalogWithTheSameColumnsTypesAndNullability() throws IOException {
        Path spec = SpecTables.locate();
        assumeTrue(spec != null, "../shared/spec/TABLES.md is not beside this checkout");
        Map<String, Map<String, String>> expected = SpecTables.parse(Files.readString(spec));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(14);
        for (var table : expected.entrySet()) {
            TableDef def = Catalog.get().table(table.getKey()).orElseThrow(
                    () -> new AssertionError("catalog lacks table " + table.getKey()));
            Map<String, String> actual = new LinkedHashMap<>();
            for (ColumnDef c : def.columns()) {
                if (table.getValue().containsKey(c.name())) {
                    actual.put(c.name(), c.type() + (c.nullable() ? " opt" : ""));
                }
            }
            assertThat(actual).as(table.getKey()).containsExactlyInAnyOrderEntriesOf(table.getValue());
        }
    }

    @Test
    void primaryKeysFollowTheSpec() {
        Catalog catalog = Catalog.get();
        assertThat(catalog.require("commits").primaryKey()).containsExactly("id");
        assertThat(catalog.require("events").primaryKey()).containsExactly("id");
        assertThat(catalog.require("shiplog").primaryKey()).containsExactly("commit_id");
        assertThat(catalog.require("state_checkpoints").primaryKey()).containsExactly("state_ref");
        assertThat(catalog.require("state_nodes").primaryKey()).containsExactly("id");
        assertThat(catalog.require("pointers").primaryKey()).containsExactly("digest", "commit_id", "path");
        assertThat(catalog.require("jobs").primaryKey()).containsExactly("id");
        for (String gov : List.of("proposals", "approvals", "grants", "revocations")) {
            assertThat(catalog.require("governance_" + gov).primaryKey()).containsExactly("id");
        }
    }

    @Test
    void relationsAreDeclaredOnceEachToTheWholeKeyOfTheirTarget() {
        List<String> relations = Catalog.get().foreignKeys().stream()
                .map(fk -> fk.name() + ": " + fk.table() + fk.columns() + " -> " + fk.refTable() + fk.refColumns()
                        + " " + fk.refKeyName())
                .toList();
        assertThat(relations).containsExactly(
                "fk_events_commit_id: events[commit_id] -> commits[id] pk_commits",
                "fk_shiplog_commit_id: shiplog[commit_id] -> commits[id] pk_commits",
                "fk_state_checkpoints_state_ref: state_checkpoints[state_ref] -> commits[id] pk_commits",
                "fk_state_nodes_state_ref: state_nodes[state_ref] -> state_checkpoints[state_ref] pk_state_checkpoints",
                "fk_pointers_state_ref: pointers[state_ref] -> state_checkpoints[state_ref] pk_state_checkpoints",
                "fk_pointers_commit_id: pointers[commit_id] -> commits[id] pk_commits",
                "fk_jobs_commit_id: jobs[commit_id] -> commits[id] pk_commits",
                "fk_jobs_result_commit_id: jobs[result_commit_id] -> commits[id] pk_commits",
                "fk_governance_proposals_commit_id: governance_proposals[commit_id] -> commits[id] pk_commits",
                "fk_governance_approvals_proposal_id: governance_approvals[proposal_id] -> governance_proposals[id]"
                        + " pk_governance_proposals",
                "fk_governance_approvals_commit_id: governance_approvals[commit_id] -> commits[id] pk_commits",
                "fk_governance_grants_proposal_id: governance_grants[proposal_id] -> governance_proposals[id]"
                        + " pk_governance_proposals",
                "fk_governance_grants_commit_id: governance_grants[commit_id] -> commits[id] pk_commits",
                "fk_governance_revocations_grant_id: governance_revocations[grant_id] -> governance_grants[id]"
                        + " pk_governance_grants",
                "fk_governance_revocations_commit_id: governance_revocations[commit_id] -> commits[id] pk_commits");
        assertThat(Catalog.get().foreignKeys().stream().map(ForeignKeyDef::name)).doesNotHaveDuplicates();
        assertThat(Catalog.get().require("events").foreignKeys()).extracting(ForeignKeyDef::name)
                .containsExactly("fk_events_commit_id");
        assertThat(Catalog.get().require("commits").primaryKeyName()).isEqualTo("pk_commits");
    }

    @Test
    void aRelationMustReferenceTheWholeKeyOfAnotherTableWithTheSameTypes() throws IOException {
        assertThatThrownBy(() -> parse("['b'], 't', ['b']"))
                .hasMessageContaining("foreign key fk_u_b references t[b], which is not the primary key");
        assertThatThrownBy(() -> parse("['n'], 't', ['a']"))
                .hasMessageContaining("foreign key fk_u_n joins BIGINT column n to VARCHAR column a");
        assertThatThrownBy(() -> parse("['x'], 't', ['a']"))
                .hasMessageContaining("table u: foreign key column x is not a column");
        assertThatThrownBy(() -> parse("['b', 'n'], 't', ['a']")).hasMessageContaining("must name as many columns");
        assertThat(parse("['b'], 't', ['a']").foreignKeys())
                .containsExactly(new ForeignKeyDef("u", List.of("b"), "t", List.of("a")));
    }

    /**
     * Parses a catalog of tables t (key a) and u (columns b, n) where u declares one foreign key,
     * {@code "columns, table, referenced columns"} in JSON with single quotes.
     */
    private static Catalog parse(String foreignKey) throws IOException {
        String[] parts = foreignKey.split(", (?='t')|(?<='t'), ");
        String column = "{'name': '%s', 'type': '%s', 'nullable': false, 'description': 'd'}";
        return parseJson("{'catalogVersion': 1, 'tables': ["
                + "{'name': 't', 'description': 'd', 'primaryKey': ['a'], " + PROFILE + ", 'columns': ["
                + column.formatted("a", "VARCHAR") + "]}, {'name': 'u', 'description': 'd', 'primaryKey': [], "
                + PROFILE + ", 'foreignKeys': [{'columns': " + parts[0] + ", 'references': {'table': " + parts[1]
                + ", 'columns': " + parts[2] + "}}], 'columns': [" + column.formatted("b", "VARCHAR") + ", "
                + column.formatted("n", "BIGINT") + "]}]}");
    }

    private static Catalog parseJson(String singleQuoted) throws IOException {
        return Catalog.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(singleQuoted.replace('\'', '"')));
    }

    @Test
    void everyCatalogTableDeclaresEveryFact() {
        Set<String> names = Catalog.get().tables().stream().map(TableDef::name).collect(Collectors.toSet());
        assertThat(names).hasSize(14);
        for (TableDef table : Catalog.get().tables()) {
            assertThatCode(() -> Catalog.checkFacts(table, names)).as(table.name()).doesNotThrowAnyException();
            assertThat(table.profile().planes()).as(table.name()).isNotEmpty();
        }
    }

    @Test
    void aTableLackingAnyFactIsRefused() {
        TableProfile whole = new TableProfile(RefreshKind.APPEND_ONLY, Set.of(Plane.JOURNAL),
                new PartitionDef(PartitionDef.By.UTC_DAY, "ts"), List.of(new IndexDef("t", List.of("k", "ts"))));
        assertThatCode(() -> check(whole)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(null)).hasMessage("catalog: table t does not declare its profile"
                + " (refresh, dependsOn, partitioning, indexes)");
        assertThatThrownBy(() -> check(new TableProfile(null, whole.planes(), whole.partitioning(), whole.indexes())))
                .hasMessageContaining("table t does not declare its refresh kind");
        assertThatThrownBy(() -> check(new TableProfile(whole.refresh(), Set.of(), whole.partitioning(),
                whole.indexes()))).hasMessageContaining("table t does not declare the planes it depends on");
        assertThatThrownBy(() -> check(new TableProfile(whole.refresh(), null, whole.partitioning(),
                whole.indexes()))).hasMessageContaining("table t does not declare the planes it depends on");
        assertThatThrownBy(() -> check(new TableProfile(whole.refresh(), whole.planes(), null, whole.indexes())))
                .hasMessageContaining("table t does not declare its partitioning");
        assertThatThrownBy(() -> check(new TableProfile(whole.refresh(), whole.planes(), whole.partitioning(),
                null))).hasMessageContaining("table t does not declare its indexes");
    }

    @Test
    void aFactNamingWhatTheTableLacksIsRefused() {
        TableProfile whole = new TableProfile(RefreshKind.REWRITTEN, TableProfile.ANY_PLANE, PartitionDef.NONE,
                List.of());
        assertThatThrownBy(() -> check(withPartitioning(whole, new PartitionDef(PartitionDef.By.VALUE, "nope"))))
                .hasMessageContaining("table t partitions by value(nope), which is not a column");
        assertThatThrownBy(() -> check(withPartitioning(whole, new PartitionDef(PartitionDef.By.UTC_DAY, "k"))))
                .hasMessageContaining("utc-day needs a TIMESTAMP column");
        assertThatThrownBy(() -> check(withPartitioning(whole, new PartitionDef(PartitionDef.By.VALUE, "note"))))
                .hasMessageContaining("value a NOT NULL one");
        assertThatThrownBy(() -> check(withIndexes(whole, new IndexDef("t", List.of("k", "nope")))))
                .hasMessage("catalog: table t: index idx_t_k_nope on [k, nope] names a column the table lacks");
        assertThatThrownBy(() -> check(withIndexes(whole, new IndexDef("t", List.of("k")),
                new IndexDef("t", List.of("k"))))).hasMessageContaining("index idx_t_k on [k] is declared twice");
        assertThatThrownBy(() -> check(withIndexes(whole, new IndexDef("u", List.of("k")))))
                .hasMessageContaining("index idx_u_k on [k] is an index of table u");
        TableDef orphan = new TableDef("t", "d", columns(), List.of("k"),
                List.of(new ForeignKeyDef("t", List.of("k"), "nope", List.of("id"))), whole);
        assertThatThrownBy(() -> Catalog.checkFacts(orphan, Set.of("t")))
                .hasMessage("catalog: foreign key fk_t_k references nope, which is not a catalog table");
    }

    @Test
    void theCatalogRefusesToLoadATableWithoutItsFacts() {
        String table = "{'catalogVersion': 1, 'tables': [{'name': 't', 'description': 'd', 'primaryKey': [], %s"
                + "'columns': [{'name': 'a', 'type': 'VARCHAR', 'nullable': false, 'description': 'd'}]}]}";
        assertThatThrownBy(() -> parseJson(table.formatted("")))
                .hasMessageContaining("table t does not declare its profile");
        assertThatThrownBy(() -> parseJson(table.formatted(PROFILE.replace(" 'partitioning': 'none',", "") + ", ")))
                .hasMessageContaining("table t does not declare its partitioning");
        assertThatThrownBy(() -> parseJson(table.formatted(PROFILE.replace("'job'", "'jobs'") + ", ")))
                .hasMessageContaining("unknown plane 'jobs'");
        assertThatThrownBy(() -> parseJson(table.formatted(PROFILE.replace("'none'", "'day(a)'") + ", ")))
                .hasMessageContaining("partitions by 'day(a)'; write none, utc-day(COLUMN) or value(COLUMN)");
        assertThatCode(() -> parseJson(table.formatted(PROFILE + ", "))).doesNotThrowAnyException();
    }

    private static List<ColumnDef> columns() {
        return List.of(new ColumnDef("k", ColumnType.VARCHAR, false, "d", List.of()),
                new ColumnDef("ts", ColumnType.TIMESTAMP, false, "d", List.of()),
                new ColumnDef("note", ColumnType.VARCHAR, true, "d", List.of()));
    }

    /** Checks the facts of table t (columns k, ts, note; key k) with {@code profile}. */
    private static void check(TableProfile profile) {
        Catalog.checkFacts(new TableDef("t", "d", columns(), List.of("k"), List.of(), profile), Set.of("t"));
    }

    private static TableProfile withPartitioning(TableProfile p, PartitionDef partitioning) {
        return new TableProfile(p.refresh(), p.planes(), partitioning, p.indexes());
    }

    private static TableProfile withIndexes(TableProfile p, IndexDef... indexes) {
        return new TableProfile(p.refresh(), p.planes(), p.partitioning(), List.of(indexes));
    }

    @Test
    void columnsHaveDescriptionsAndLowerSnakeCaseNames() {
        for (TableDef table : Catalog.get().tables()) {
            assertThat(table.name()).matches("[a-z_]+");
            for (ColumnDef column : table.columns()) {
                assertThat(column.name()).matches("[a-z_]+");
                assertThat(column.description()).as(table.name() + "." + column.name()).isNotBlank();
            }
        }
    }

    @Test
    void lookupsNameWhatIsMissing() {
        TableDef events = Catalog.get().require("events");
        assertThat(events.indexOf("ns")).isEqualTo(1);
        assertThat(events.column("nope")).isEmpty();
        assertThatThrownBy(() -> events.indexOf("nope")).hasMessageContaining("events has no column nope");
        assertThatThrownBy(() -> Catalog.get().require("nope")).hasMessageContaining("no table nope");
    }

    @Test
    void closedSetsListTheirValues() {
        List<String> planes = List.of("journal", "shiplog", "consumer", "state", "job", "proposal", "approval",
                "grant", "revocation", "policy", "audit", "cache", "other");
        assertThat(values("commits", "plane")).isEqualTo(planes);
        assertThat(values("refs", "plane")).isEqualTo(planes);
        assertThat(values("refs", "target_type")).containsExactly("commit", "blob", "tree", "tag", "missing");
        assertThat(values("jobs", "status"))
                .containsExactly("pending", "claimed", "running", "succeeded", "failed", "aborted");
        assertThat(values("governance_proposals", "state"))
                .containsExactly("proposal", "partial", "granted", "expired", "revoked");
        assertThat(values("pointers", "kind")).containsExactly("blobptr", "opaque", "opaque_pointer");
        assertThat(values("pointers", "source")).containsExactly("state", "event");
        assertThat(values("findings", "code")).as("open set: more codes may be added").isEmpty();
        long enumerated = Catalog.get().tables().stream().flatMap(t -> t.columns().stream())
                .filter(ColumnDef::enumerated).count();
        assertThat(enumerated).isEqualTo(7);
    }

    @Test
    void onlyTextColumnsListValues() {
        assertThatThrownBy(() -> new ColumnDef("n", ColumnType.BIGINT, false, "d", List.of("1")))
                .hasMessageContaining("column n: only VARCHAR columns may list values");
        assertThat(new ColumnDef("n", ColumnType.VARCHAR, false, "d", List.of()).enumerated()).isFalse();
    }

    private static List<String> values(String table, String column) {
        return Catalog.get().require(table).column(column).orElseThrow().values();
    }

    @Test
    void typesMapToJdbc() {
        assertThat(ColumnType.JSON.sqlTypeName()).isEqualTo("VARCHAR");
        assertThat(ColumnType.TIMESTAMP.jdbcType()).isEqualTo(java.sql.Types.TIMESTAMP);
        assertThat(ColumnType.BOOLEAN.sqlTypeName()).isEqualTo("BOOLEAN");
    }

    @Test
    void theCatalogListsEveryPlaneTheReaderNames() {
        var names = Arrays.stream(Plane.values()).map(Plane::sqlName).toList();
        for (String table : new String[] {"commits", "refs"}) {
            assertThat(Catalog.get().require(table).column("plane").orElseThrow().values())
                    .as(table + ".plane").containsExactlyInAnyOrderElementsOf(names);
        }
    }
}
