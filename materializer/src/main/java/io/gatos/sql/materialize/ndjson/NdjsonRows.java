package io.gatos.sql.materialize.ndjson;

import io.gatos.sql.codec.Ulid;
import io.gatos.sql.jdbc.GatosDriver;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.materialize.parquet.SortBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads the selected event and message rows through the SQL tables into a {@link SortBuffer}, keyed
 * by ULID and stream, each row's values at the indexes named here.
 */
final class NdjsonRows {
    private static final String SHIPLOG = Plane.SHIPLOG.prefixes().get(0);
    private static final String MESSAGES = Plane.SHIPLOG.prefixes().get(1);

    static final int KIND = 0;
    static final int STREAM = 1;
    static final int TYPE = 2;
    static final int POS = 3;
    static final int COMMIT = 4;
    static final int DATA = 5;
    static final int ACTOR = 6;
    static final int CAPS = 7;
    static final int POLICY_ROOT = 8;
    static final int SIG_ALG = 9;
    static final int EVENT_CID = 10;
    static final int TS = 11;
    static final int REF = 12;
    /** The line's id: the ULID, or for an envelope without one the commit id (as the tables report it). */
    static final int ID = 13;
    static final String EVENT = "e";
    static final String MESSAGE = "m";

    private NdjsonRows() {
    }

    static void read(Path repo, Repository git, NdjsonExporter.Selection selection, SortBuffer sort)
            throws SQLException, IOException {
        Properties props = new Properties();
        props.setProperty(GatosDriver.REPO, repo.toString());
        try (Connection c = DriverManager.getConnection(GatosDriver.PREFIX, props)) {
            if (selection.events() && (selection.namespaces() == null || !selection.namespaces().isEmpty())) {
                readEvents(c, selection, sort);
            }
            if (selection.messages() && (selection.topics() == null || !selection.topics().isEmpty())) {
                readMessages(c, git, selection, sort);
            }
        }
    }

    private static void readEvents(Connection c, NdjsonExporter.Selection selection, SortBuffer sort)
            throws SQLException, IOException {
        String sql = "SELECT \"id\", \"stream\", \"kind\", \"pos\", \"commit_id\", \"payload\", \"actor\","
                + " \"caps\", \"policy_root\", \"sig_alg\", \"event_cid\", \"ts\" FROM \"gatos\".\"events\""
                + in("ns", selection.namespaces());
        List<Object[]> unreadable = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, selection.namespaces()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long ts = rs.getLong(12);
                if (selection.admits(ts)) {
                    String stream = rs.getString(2);
                    add(sort, unreadable, new Object[] {
                        EVENT, stream, rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), ts, Plane.JOURNAL.prefix() + stream, rs.getString(1)});
                }
            }
        }
        placeUnreadable(c, "SELECT \"id\", \"pos\" FROM \"gatos\".\"events\" WHERE \"stream\" = ? AND \"pos\" < ?"
                + " ORDER BY \"pos\" DESC", unreadable, sort);
    }

    /** Adds a row keyed by its ULID and stream, or keeps a row without a ULID for {@link #placeUnreadable}. */
    private static void add(SortBuffer sort, List<Object[]> unreadable, Object[] row) throws IOException {
        String id = (String) row[ID];
        if (id == null || !Ulid.isValid(id)) {
            row[ID] = id == null ? row[COMMIT] : id;
            unreadable.add(row);
        } else {
            sort.add(new SortBuffer.Entry("", id + '\u0000' + row[STREAM], row));
        }
    }

    /**
     * Sorts each row without a ULID (an unreadable envelope) right after the last readable row before
     * it in its stream, so that an import appends every stream in its order: key {@code <that ULID>
     * \0<stream>\0<pos>} (an empty ULID when none precedes it). One query per such row; they are rare.
     */
    private static void placeUnreadable(Connection c, String before, List<Object[]> unreadable, SortBuffer sort)
            throws SQLException, IOException {
        for (Object[] row : unreadable) {
            String previous = "";
            String name = (String) row[STREAM];
            try (PreparedStatement ps = c.prepareStatement(before)) {
                ps.setString(1, row[KIND].equals(EVENT) ? name : name.substring("shiplog/".length()));
                ps.setLong(2, (Long) row[POS]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && previous.isEmpty()) {
                        String id = rs.getString(1);
                        previous = id != null && Ulid.isValid(id) ? id : "";
                    }
                }
            }
            sort.add(new SortBuffer.Entry("", previous + '\u0000' + name + '\u0000'
                    + String.format(java.util.Locale.ROOT, "%019d", (Long) row[POS]), row));
        }
    }

    private static void readMessages(Connection c, Repository git, NdjsonExporter.Selection selection,
            SortBuffer sort) throws SQLException, IOException {
        String sql = "SELECT \"ulid\", \"topic\", \"type\", \"pos\", \"commit_id\", \"payload\", \"ts\""
                + " FROM \"gatos\".\"shiplog\"" + in("topic", selection.topics());
        Set<String> renamed = new HashSet<>();
        List<Object[]> unreadable = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, selection.topics()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long ts = rs.getLong(7);
                if (selection.admits(ts)) {
                    String topic = rs.getString(2);
                    String ref = topicRef(git, topic, renamed);
                    add(sort, unreadable, new Object[] {MESSAGE, "shiplog/" + topic, rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), null, null, null, null, null, ts, ref, rs.getString(1)});
                }
            }
        }
        placeUnreadable(c, "SELECT \"ulid\", \"pos\" FROM \"gatos\".\"shiplog\" WHERE \"topic\" = ? AND \"pos\" < ?"
                + " ORDER BY \"pos\" DESC", unreadable, sort);
    }

    /** Returns the head ref of {@code topic}: the shiplog spelling unless only the messages one exists. */
    private static String topicRef(Repository git, String topic, Set<String> renamed) throws IOException {
        String shiplog = SHIPLOG + topic + "/head";
        if (renamed.contains(topic)) {
            return MESSAGES + topic + "/head";
        }
        if (git.exactRef(shiplog) == null && git.exactRef(MESSAGES + topic + "/head") != null) {
            renamed.add(topic);
            return MESSAGES + topic + "/head";
        }
        return shiplog;
    }

    private static String in(String column, List<String> values) {
        if (values == null) {
            return "";
        }
        return " WHERE \"" + column + "\" IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
    }

    private static PreparedStatement prepare(Connection c, String sql, List<String> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
        }
        return ps;
    }
}
