package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ForeignKeyDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.jdbc.CatalogKeys.Tables;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the keys JDBC metadata reports against the catalog, through real embedded connections. */
class CatalogKeysTest {
    /** The foreign-key columns JDBC prescribes, and which of them are SMALLINT. */
    private static final List<String> FK_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
            "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
            "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
    private static final List<String> SMALLINTS = List.of("KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "DEFERRABILITY");

    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;
    static DatabaseMetaData md;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        conn = DriverManager.getConnection(repo.jdbcUrl());
        md = conn.getMetaData();
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    /** Every key column of the catalog as "null|gatos|table|column|seq|pk_table", sorted by table then column. */
    private static List<String> expectedPrimaryKeys(String onlyTable) {
        List<String[]> keys = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            for (int i = 0; onlyTable == null || onlyTable.equals(def.name()) ? i < def.primaryKey().size() : false;
                    i++) {
                keys.add(new String[] {def.name(), def.primaryKey().get(i), String.valueOf(i + 1)});
            }
        }
        keys.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
        return keys.stream().map(k -> "null|gatos|" + k[0] + "|" + k[1] + "|" + k[2] + "|pk_" + k[0]).toList();
    }

    @Test
    void listsThePrimaryKeyOfOneTableOrOfAll() throws SQLException {
        assertThat(rows(md.getPrimaryKeys(null, "gatos", "events"))).containsExactly("null|gatos|events|id|1|pk_events");
        assertThat(rows(md.getPrimaryKeys(null, null, "pointers"))).containsExactly(
                "null|gatos|pointers|commit_id|2|pk_pointers",
                "null|gatos|pointers|digest|1|pk_pointers",
                "null|gatos|pointers|path|3|pk_pointers").isEqualTo(expectedPrimaryKeys("pointers"));
        List<String> all = rows(md.getPrimaryKeys(null, null, null));
        assertThat(all).isEqualTo(expectedPrimaryKeys(null)).hasSizeGreaterThan(10)
                .noneMatch(r -> r.contains("|findings|"));
        assertThat(rows(md.getPrimaryKeys(null, "gatos", null))).isEqualTo(all);
    }

    @Test
    void namesMatchInAnyLetterCaseButExactly() throws SQLException {
        assertThat(rows(md.getPrimaryKeys(null, "GATOS", "EVENTS"))).containsExactly("null|gatos|events|id|1|pk_events");
        assertThat(rows(md.getImportedKeys(null, "Gatos", "Events"))).hasSize(1);
        assertThat(rows(md.getPrimaryKeys(null, "gatos", "event%"))).as("an exact name, not a pattern").isEmpty();
        assertThat(rows(md.getPrimaryKeys(null, "other", "events"))).isEmpty();
        assertThat(rows(md.getPrimaryKeys(null, "", "events"))).as("no table lacks a schema").isEmpty();
        assertThat(rows(md.getPrimaryKeys(null, "gatos", "no_such_table"))).isEmpty();
        assertThat(rows(md.getPrimaryKeys(null, "gatos", "findings"))).isEmpty();
        assertThat(rows(md.getPrimaryKeys(null, "gatos", "it's"))).isEmpty();
    }

    @Test
    void importedKeysAreWhatATableReferencesOrderedByTheReferencedTable() throws SQLException {
        assertThat(rows(md.getImportedKeys(null, "gatos", "governance_approvals"))).containsExactly(
                "null|gatos|commits|id|null|gatos|governance_approvals|commit_id|1|3|3"
                        + "|fk_governance_approvals_commit_id|pk_commits|7",
                "null|gatos|governance_proposals|id|null|gatos|governance_approvals|proposal_id|1|3|3"
                        + "|fk_governance_approvals_proposal_id|pk_governance_proposals|7");
        assertThat(rows(md.getImportedKeys(null, "gatos", "jobs"))).extracting(r -> r.split("\\|")[11])
                .as("two keys to one table come apart by name")
                .containsExactly("fk_jobs_commit_id", "fk_jobs_result_commit_id");
        assertThat(rows(md.getImportedKeys(null, "gatos", "commits"))).isEmpty();
    }

    @Test
    void exportedKeysAreWhatReferencesATableOrderedByTheReferencingTable() throws SQLException {
        List<String> referencing = new ArrayList<>();
        for (String row : rows(md.getExportedKeys(null, "gatos", "commits"))) {
            String[] cells = row.split("\\|");
            assertThat(cells[2] + "." + cells[3]).isEqualTo("commits.id");
            referencing.add(cells[6] + "." + cells[7]);
        }
        List<String> expected = Catalog.get().foreignKeys().stream().filter(fk -> fk.refTable().equals("commits"))
                .sorted(Comparator.comparing(ForeignKeyDef::table).thenComparing(ForeignKeyDef::name))
                .map(fk -> fk.table() + "." + fk.columns().get(0)).toList();
        assertThat(referencing).isEqualTo(expected).hasSize(10);
        assertThat(rows(md.getExportedKeys(null, "gatos", "findings"))).isEmpty();
    }

    @Test
    void crossReferenceListsTheRelationsBetweenTwoTables() throws SQLException {
        assertThat(rows(md.getCrossReference(null, "gatos", "governance_grants", null, "gatos",
                "governance_revocations"))).containsExactly("null|gatos|governance_grants|id|null|gatos"
                        + "|governance_revocations|grant_id|1|3|3|fk_governance_revocations_grant_id"
                        + "|pk_governance_grants|7");
        assertThat(rows(md.getCrossReference(null, "gatos", "commits", null, "gatos", "jobs"))).hasSize(2);
        assertThat(rows(md.getCrossReference(null, "gatos", "jobs", null, "gatos", "commits"))).isEmpty();
        List<String> all = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            all.addAll(rows(md.getImportedKeys(null, "gatos", def.name())));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(rows(md.getCrossReference(null, null, null, null, null,
                null))).hasSize(Catalog.get().foreignKeys().size());
    }

    @Test
    void resultsHaveTheJdbcColumnsAndTypes() throws SQLException {
        for (ResultSet rs : List.of(md.getImportedKeys(null, "gatos", "events"), md.getExportedKeys(null, "gatos",
                "findings"), md.getCrossReference(null, "gatos", "commits", null, "gatos", "events"))) {
            try (rs) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                    assertThat(meta.getColumnType(i)).as(meta.getColumnLabel(i)).isEqualTo(
                            SMALLINTS.contains(meta.getColumnLabel(i)) ? Types.SMALLINT : Types.VARCHAR);
                }
                assertThat(columns).isEqualTo(FK_COLUMNS);
            }
        }
        try (ResultSet rs = md.getPrimaryKeys(null, "gatos", "findings")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(6);
            assertThat(meta.getColumnLabel(5) + " " + meta.getColumnType(5)).isEqualTo("KEY_SEQ " + Types.SMALLINT);
            assertThat(meta.getColumnLabel(6)).isEqualTo("PK_NAME");
        }
    }

    @Test
    void closingTheResultClosesItsStatement() throws SQLException {
        ResultSet rs = md.getImportedKeys(null, "gatos", "events");
        assertThat(rs.getStatement()).as("a metadata result has no statement of the caller's").isNull();
        java.sql.Statement statement = rs.unwrap(org.apache.calcite.avatica.AvaticaResultSet.class).getStatement();
        rs.close();
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void caseSensitiveConnectionsMatchNamesExactly() throws SQLException {
        assertThat(CatalogKeys.primaryKeys(Tables.named("GATOS", "EVENTS", true))).isEmpty();
        assertThat(CatalogKeys.primaryKeys(Tables.named("gatos", "events", true))).hasSize(1);
        try (Connection exact = DriverManager.getConnection(repo.jdbcUrl() + ";caseSensitive=true")) {
            assertThat(rows(exact.getMetaData().getExportedKeys(null, "gatos", "Commits"))).isEmpty();
            assertThat(rows(exact.getMetaData().getExportedKeys(null, "gatos", "commits"))).hasSize(10);
        }
    }
}
