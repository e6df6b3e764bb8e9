import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * Times the queries on one ledger through the embedded driver, in three cache modes, next
 * to the native-git baseline measured by {@code bench/query.sh}. Run with the shaded jar:
 *
 * <pre>
 * java -Xmx512m -cp cli/target/gatos.jar bench/QueryBench.java LEDGER GIT_MS WARMUP_LEDGER
 * </pre>
 *
 * <p>GIT_MS is the baseline ({@code git rev-list --objects <journal heads> | git cat-file --batch}) in
 * milliseconds. WARMUP_LEDGER is a small ledger (1k events) on which every query runs a few times
 * first, untimed, so that the JIT and class loading are done before anything is measured.
 *
 * <p>Modes, per query; every run opens a new connection, and a run's time is open connection +
 * execute + read all rows:
 * <ul>
 * <li>{@code nocache}: {@code cache=false}, median of 3;
 * <li>{@code cold}: the row cache directory ({@code <gitdir>/gatos-sql}) deleted, one run with the
 * cache on (it fills the cache);
 * <li>{@code warm}: cache on and filled (by the cold run, then an untimed {@code SELECT MAX(ts)} that
 * caches every journal in full, since a lookup alone caches nothing), median of 3.
 * </ul>
 * Every answer is compared with the first {@code nocache} answer; a difference prints WRONG and the
 * exit code is 1. Until the driver has a row cache, its properties are ignored and cold is about warm.
 */
public final class QueryBench {
    /** One measured query; {@code ordered} answers are compared row by row in order, others as sorted rows. */
    record Query(String label, String sql, boolean ordered) {
    }

    private static final int RUNS = 3;
    private static final int WARMUP_RUNS = 3;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final DateTimeFormatter SQL_TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String ROW = "%-9s %-44s %-8s %9s %9s %9s %7s %8s%n";

    private static boolean failed;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -Xmx512m -cp cli/target/gatos.jar bench/QueryBench.java"
                    + " LEDGER GIT_MS WARMUP_LEDGER");
            System.exit(2);
        }
        Path ledger = Path.of(args[0]).toAbsolutePath();
        double gitMs = Double.parseDouble(args[1]);
        Path warmupLedger = Path.of(args[2]).toAbsolutePath();

        warmUp(warmupLedger);
        long events;
        List<Query> queries;
        try (Connection c = connect(ledger, false)) {
            events = Long.parseLong(answer(c, "SELECT COUNT(*) FROM events"));
            queries = queries(c, events);
        }
        System.out.printf(Locale.ROOT, ROW, "events", "query", "mode", "ours_ms", "min_ms", "git_ms", "ratio", "rows");
        for (Query q : queries) {
            measure(ledger, events, gitMs, q);
        }
        System.exit(failed ? 1 : 0);
    }

    /** Runs every query {@value #WARMUP_RUNS} times with the cache off and on, on the small ledger, untimed. */
    private static void warmUp(Path ledger) throws SQLException, IOException {
        long t0 = System.nanoTime();
        List<Query> queries;
        try (Connection c = connect(ledger, false)) {
            queries = queries(c, Long.parseLong(answer(c, "SELECT COUNT(*) FROM events")));
        }
        for (int i = 0; i < WARMUP_RUNS; i++) {
            deleteCache(ledger); // so that each round also runs the code that fills the cache
            for (Query q : queries) {
                for (boolean cache : new boolean[] {false, true}) {
                    try (Connection c = connect(ledger, cache)) {
                        answer(c, q.sql());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "# JVM warm-up: every query %d times per mode on %s, %.1f s%n", WARMUP_RUNS,
                ledger, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Writes the queries for one ledger. The literals they need (namespaces, a ULID, a commit, a
     * timestamp) are found once here, through {@code c}, untimed.
     */
    private static List<Query> queries(Connection c, long events) throws SQLException {
        List<Query> out = new ArrayList<>();
        out.add(new Query("full scan aggregate", "SELECT ns, COUNT(*) FROM events GROUP BY ns", false));
        out.add(new Query("payload aggregate (JSON_VALUE sum)",
                "SELECT SUM(CAST(JSON_VALUE(payload, '$.amount') AS DECIMAL(18,2))) FROM events", false));
        // namespaces by size; the label carries the namespace's share of all events
        List<String> byCount = lines(answer(c, "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns ORDER BY n, ns"));
        for (String row : List.of(byCount.get(0), byCount.get(byCount.size() - 1))) {
            String[] nsCount = row.split("\\|");
            String label = String.format(Locale.ROOT, "ns filter %s (%.1f%%)", nsCount[0],
                    100.0 * Long.parseLong(nsCount[1]) / events);
            out.add(new Query(label, "SELECT COUNT(*), MAX(ts) FROM events WHERE ns = '" + nsCount[0].replace("'", "''")
                    + "'", false));
        }
        // the event in the middle of the scan order (a streamed scan: no sort held in memory)
        String[] middle = middleEvent(c, events);
        out.add(new Query("point lookup by ULID", "SELECT * FROM events WHERE id = '" + middle[0] + "'", false));
        out.add(new Query("point lookup by commit_id",
                "SELECT * FROM events WHERE commit_id = '" + middle[1] + "'", false));
        // the 1,000th-newest event's ts (the oldest when the ledger is smaller)
        long offset = Math.min(999, events - 1);
        Timestamp t = firstTimestamp(c, "SELECT ts FROM events ORDER BY ts DESC LIMIT 1 OFFSET " + offset);
        out.add(new Query("time range (latest 1,000 by ts)",
                "SELECT COUNT(*) FROM events WHERE ts >= TIMESTAMP '" + SQL_TS.format(t.toInstant()) + "'", false));
        // id breaks ties in ts, so that the answer is the only right one and modes can be compared
        out.add(new Query("latest 10 by ts", "SELECT id, ts FROM events ORDER BY ts DESC, id DESC LIMIT 10", true));
        return out;
    }

    /**
     * Times one query in the three modes and prints a row for each. A failure prints ERROR or WRONG
     * and makes the exit code 1; the remaining modes and queries still run.
     */
    private static void measure(Path ledger, long events, double gitMs, Query q) throws IOException {
        String expected = null;
        for (String mode : List.of("nocache", "cold", "warm")) {
            List<Long> nanos = new ArrayList<>();
            String rows = null;
            try {
                if (mode.equals("cold")) {
                    deleteCache(ledger);
                }
                if (mode.equals("warm")) {
                    fill(ledger); // a lookup alone fills nothing: warm means the whole ledger is cached
                }
                int runs = mode.equals("cold") ? 1 : RUNS;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    String actual = run(ledger, !mode.equals("nocache"), q);
                    nanos.add(System.nanoTime() - t0);
                    expected = expected == null ? actual : expected;
                    if (!expected.equals(actual)) {
                        failed = true;
                        System.out.printf("WRONG %s %s run %d: %s%n    expected: %s%n    actual:   %s%n", q.label(),
                                mode, i + 1, q.sql(), oneLine(expected), oneLine(actual));
                    }
                    rows = String.valueOf(actual.isEmpty() ? 0 : lines(actual).size());
                }
            } catch (SQLException | RuntimeException e) {
                failed = true;
                System.out.printf("ERROR %s %s: %s%n", q.label(), mode, e.toString().lines().findFirst().orElse(""));
                continue;
            }
            nanos.sort(Comparator.naturalOrder());
            double ms = nanos.get(nanos.size() / 2) / 1e6;
            System.out.printf(Locale.ROOT, ROW, events, q.label(), mode, fmt(ms), fmt(nanos.get(0) / 1e6), fmt(gitMs),
                    String.format(Locale.ROOT, "%.2f", ms / gitMs), rows);
        }
    }

    /** One timed run: opens a connection, executes, reads every row; returns the answer normalized. */
    private static String run(Path ledger, boolean cache, Query q) throws SQLException {
        try (Connection c = connect(ledger, cache)) {
            String answer = answer(c, q.sql());
            if (q.ordered()) {
                return answer;
            }
            List<String> sorted = lines(answer);
            sorted.sort(Comparator.naturalOrder());
            return String.join("\n", sorted);
        }
    }

    private static Connection connect(Path ledger, boolean cache) throws SQLException {
        return DriverManager.getConnection("jdbc:gatos:repo=" + ledger + ";cache=" + cache);
    }

    /** Fills the row cache with full rows of every journal, untimed ({@code MAX(ts)} reads every envelope). */
    private static void fill(Path ledger) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:gatos:repo=" + ledger);
                ResultSet rs = c.createStatement().executeQuery("SELECT MAX(ts) FROM events")) {
            rs.next();
        }
    }

    /** Deletes the row cache: {@code <gitdir>/gatos-sql}; gitdir is the ledger itself when bare. */
    private static void deleteCache(Path ledger) throws IOException {
        Path gitDir = Files.isDirectory(ledger.resolve(".git")) ? ledger.resolve(".git") : ledger;
        Path cache = gitDir.resolve("gatos-sql");
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(cache)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Returns {ULID, commit id} of row events/2 of an unordered scan. */
    private static String[] middleEvent(Connection c, long events) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, commit_id FROM events")) {
            for (long i = 0; rs.next(); i++) {
                if (i == events / 2) {
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            }
        }
        throw new IllegalStateException("the ledger has fewer events than COUNT(*) said");
    }

    private static Timestamp firstTimestamp(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getTimestamp(1, Calendar.getInstance(UTC, Locale.ROOT));
        }
    }

    /** Runs {@code sql} and returns its rows, one line each, columns separated by '|'. */
    private static String answer(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() > 0 ? "\n" : "");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(value(rs, md, i));
                }
            }
            return out.toString();
        }
    }

    /** A column value; a timestamp as its UTC instant, whatever the JVM time zone. */
    private static String value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        if (md.getColumnType(i) == Types.TIMESTAMP) {
            Timestamp ts = rs.getTimestamp(i, Calendar.getInstance(UTC, Locale.ROOT));
            return ts == null ? "NULL" : ts.toInstant().toString();
        }
        String s = rs.getString(i);
        return s == null ? "NULL" : s;
    }

    private static List<String> lines(String s) {
        return new ArrayList<>(s.lines().toList());
    }

    private static String oneLine(String s) {
        String one = s.replace("\n", " / ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.0f", ms);
    }
}
