import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load test for {@code gatos serve}: N clients, each with its own connection, each running Q queries
 * from a fixed mix, once through the Avatica remote driver and once through the embedded driver.
 * Every answer is checked against one computed beforehand through a single embedded connection.
 *
 * <p>Run with the Java 17 source launcher (no build step):
 *
 * <pre>
 * java bench/ServeLoad.java \
 *     --remote 'jdbc:avatica:remote:url=http://127.0.0.1:PORT;serialization=protobuf' \
 *     --remote-cp bench/target/clients/avatica.jar:bench/target/clients/slf4j-api.jar \
 *     --embedded jdbc:gatos:repo=PATH --embedded-cp jdbc-driver/target/gatos-jdbc.jar \
 *     --clients 16 --queries 200
 * </pre>
 *
 * <p>Each driver is loaded in its own class loader, as BI tools load drivers (the embedded jar
 * relocates the avatica-core it bundles, so the two could share one class path too). Exits with 1
 * when any query failed or returned a wrong answer, 2 on bad arguments.
 */
public final class ServeLoad {
    /** The kinds of query in the mix, in the order the table prints them. */
    enum Kind {
        POINT("point lookup"),
        NS_AGGREGATE("namespace aggregate"),
        JOIN("join events-commits"),
        LATEST("latest 10");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Query(Kind kind, String sql) {
    }

    record Options(String remoteUrl, List<Path> remoteCp, String embeddedUrl, List<Path> embeddedCp, int clients,
            int queries, int commitsPerNamespace) {
    }

    /** What one mode (remote or embedded) measured. */
    static final class Result {
        final String mode;
        final Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);
        final Map<Kind, AtomicInteger> errors = new EnumMap<>(Kind.class);
        final Map<Kind, AtomicInteger> wrong = new EnumMap<>(Kind.class);
        final Map<String, AtomicInteger> errorMessages = new ConcurrentHashMap<>();
        final List<String> wrongExamples = new ArrayList<>();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger warmupFailures = new AtomicInteger();
        long wallNanos;

        Result(String mode) {
            this.mode = mode;
            for (Kind k : Kind.values()) {
                nanos.put(k, new ArrayList<>());
                errors.put(k, new AtomicInteger());
                wrong.put(k, new AtomicInteger());
            }
        }

        synchronized void ok(Kind kind, long elapsed) {
            nanos.get(kind).add(elapsed);
        }

        void error(Kind kind, String sql, Throwable e) {
            errors.get(kind).incrementAndGet();
            errorMessages.computeIfAbsent(kind.label + ": " + firstLine(e), m -> new AtomicInteger()).incrementAndGet();
        }

        synchronized void wrong(Kind kind, String sql, String expected, String actual) {
            wrong.get(kind).incrementAndGet();
            example(sql, expected, actual);
        }

        synchronized void example(String sql, String expected, String actual) {
            if (wrongExamples.size() < 5) {
                wrongExamples.add(sql + "\n    expected: " + expected.replace("\n", " / ") + "\n    actual:   "
                        + actual.replace("\n", " / "));
            }
        }

        int queryErrors() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int totalErrors() {
            return warmupFailures.get() + queryErrors();
        }

        int totalWrong() {
            return wrong.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ServeLoad: " + e.getMessage());
            System.err.println("usage: java bench/ServeLoad.java --remote URL --remote-cp JARS --embedded URL"
                    + " --embedded-cp JARS [--clients 16] [--queries 200] [--commits-per-ns 2]");
            System.exit(2);
            return;
        }
        Driver remote = load(options.remoteCp(), "org.apache.calcite.avatica.remote.Driver");
        Driver embedded = load(options.embeddedCp(), "io.gatos.sql.jdbc.GatosDriver");

        long t0 = System.nanoTime();
        Map<Kind, List<Query>> mix;
        Map<String, String> expected = new LinkedHashMap<>();
        try (Connection c = connect(embedded, options.embeddedUrl())) {
            mix = buildMix(c, options.commitsPerNamespace());
            for (List<Query> queries : mix.values()) {
                for (Query q : queries) {
                    expected.put(q.sql(), answer(c, q.sql()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "expected answers: %d distinct queries (%s) through one embedded connection"
                + " in %.1f s%n", expected.size(), describe(mix), seconds(System.nanoTime() - t0));

        List<Result> results = new ArrayList<>();
        results.add(run("remote", remote, options.remoteUrl(), options, mix, expected));
        results.add(run("embedded", embedded, options.embeddedUrl(), options, mix, expected));
        print(results, options);
        boolean failed = results.stream().anyMatch(r -> r.totalErrors() + r.totalWrong() > 0);
        System.exit(failed ? 1 : 0);
    }

    /** Picks namespaces and commits from the ledger and writes the distinct queries of the mix. */
    private static Map<Kind, List<Query>> buildMix(Connection c, int commitsPerNamespace) throws SQLException {
        List<String> namespaces = column(c, "SELECT DISTINCT ns FROM events ORDER BY ns");
        if (namespaces.isEmpty()) {
            throw new IllegalStateException("the ledger has no events");
        }
        Map<Kind, List<Query>> mix = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            mix.put(k, new ArrayList<>());
        }
        for (String ns : namespaces) {
            String lit = ns.replace("'", "''");
            // commits spread over the namespace's rows, so lookups hit different depths of its journals
            List<String> commits = column(c, "SELECT commit_id FROM events WHERE ns = '" + lit + "'");
            for (int i = 1; i <= commitsPerNamespace && i <= commits.size(); i++) {
                String id = commits.get((int) ((long) commits.size() * i / (commitsPerNamespace + 1)));
                mix.get(Kind.POINT).add(new Query(Kind.POINT,
                        "SELECT id, ns, kind FROM events WHERE commit_id = '" + id + "'"));
            }
            mix.get(Kind.NS_AGGREGATE).add(new Query(Kind.NS_AGGREGATE,
                    "SELECT COUNT(*), MIN(ts), MAX(ts) FROM events WHERE ns = '" + lit + "'"));
            mix.get(Kind.JOIN).add(new Query(Kind.JOIN,
                    "SELECT COUNT(*) FROM events e JOIN commits c ON c.id = e.commit_id WHERE e.ns = '" + lit + "'"));
        }
        // id breaks ties in ts, so that the expected answer is the only right one
        mix.get(Kind.LATEST).add(new Query(Kind.LATEST, "SELECT id FROM events ORDER BY ts DESC, id DESC LIMIT 10"));
        return mix;
    }

    /**
     * Runs the load in one mode: every client opens its own connection, then all start together;
     * client {@code c}'s query {@code j} is of kind {@code (c + j) mod 4}, so the kinds interleave.
     */
    private static Result run(String mode, Driver driver, String url, Options options, Map<Kind, List<Query>> mix,
            Map<String, String> expected) throws Exception {
        Result result = new Result(mode);
        Kind[] kinds = Kind.values();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < options.clients(); c++) {
                connections.add(connect(driver, url));
            }
            warmUp(result, connections.get(0), mix, expected);
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                int client = c;
                Connection connection = connections.get(c);
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int j = 0; j < options.queries(); j++) {
                        Kind kind = kinds[(client + j) % kinds.length];
                        List<Query> choices = mix.get(kind);
                        Query q = choices.get((client + j / kinds.length) % choices.size());
                        long t0 = System.nanoTime();
                        try {
                            String actual = answer(connection, q.sql());
                            long elapsed = System.nanoTime() - t0;
                            result.ok(kind, elapsed);
                            String want = expected.get(q.sql());
                            if (!want.equals(actual)) {
                                result.wrong(kind, q.sql(), want, actual);
                            }
                        } catch (SQLException | RuntimeException | Error e) {
                            // an Error here is typically OutOfMemoryError in the embedded mode: count it, go on
                            result.error(kind, q.sql(), e);
                        }
                        result.done.incrementAndGet();
                    }
                }, mode + "-client-" + c);
                t.setContextClassLoader(driver.getClass().getClassLoader());
                threads.add(t);
                t.start();
            }
            int total = options.clients() * options.queries();
            Thread progress = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(30_000);
                        System.err.printf(Locale.ROOT, "  %s: %d/%d queries, %d errors, %d wrong%n", mode,
                                result.done.get(), total, result.totalErrors(), result.totalWrong());
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            });
            progress.setDaemon(true);
            long t0 = System.nanoTime();
            start.countDown();
            progress.start();
            for (Thread t : threads) {
                t.join();
            }
            result.wallNanos = System.nanoTime() - t0;
            progress.interrupt();
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    System.err.println("ServeLoad: closing a " + mode + " connection failed: " + firstLine(e));
                }
            }
        }
        return result;
    }

    /**
     * Runs every distinct query once through {@code c}, untimed, so that both modes start with a warm
     * JIT and warm caches (the embedded one is already warm from computing the expected answers).
     */
    private static void warmUp(Result result, Connection c, Map<Kind, List<Query>> mix, Map<String, String> expected) {
        long t0 = System.nanoTime();
        for (List<Query> queries : mix.values()) {
            for (Query q : queries) {
                try {
                    String actual = answer(c, q.sql());
                    if (!expected.get(q.sql()).equals(actual)) {
                        result.warmupFailures.incrementAndGet();
                        result.example("warm-up " + q.sql(), expected.get(q.sql()), actual);
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    result.warmupFailures.incrementAndGet();
                    result.errorMessages.computeIfAbsent("warm-up " + q.kind().label + ": " + firstLine(e),
                            m -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: warm-up (every distinct query once, untimed) took %.1f s, %d failures%n",
                result.mode, seconds(System.nanoTime() - t0), result.warmupFailures.get());
    }

    private static void print(List<Result> results, Options options) {
        System.out.printf(Locale.ROOT, "%n%d clients x %d queries per mode%n", options.clients(), options.queries());
        String format = "%-9s %-20s %6s %9s %9s %9s %7s %6s%n";
        System.out.printf(Locale.ROOT, format, "mode", "kind", "count", "p50_ms", "p99_ms", "max_ms", "errors",
                "wrong");
        for (Result r : results) {
            List<Long> all = new ArrayList<>();
            for (Kind k : Kind.values()) {
                List<Long> n = r.nanos.get(k);
                all.addAll(n);
                System.out.printf(Locale.ROOT, format, r.mode, k.label, n.size() + r.errors.get(k).get(),
                        ms(percentile(n, 50)), ms(percentile(n, 99)), ms(percentile(n, 100)), r.errors.get(k).get(),
                        r.wrong.get(k).get());
            }
            System.out.printf(Locale.ROOT, format, r.mode, "all", all.size() + r.queryErrors(), ms(percentile(all, 50)),
                    ms(percentile(all, 99)), ms(percentile(all, 100)), r.queryErrors(), r.totalWrong());
        }
        System.out.println();
        for (Result r : results) {
            int total = options.clients() * options.queries();
            System.out.printf(Locale.ROOT, "%-9s wall %.1f s, %.2f queries/s, warm-up failures %d%n", r.mode,
                    seconds(r.wallNanos), total / seconds(r.wallNanos), r.warmupFailures.get());
        }
        for (Result r : results) {
            r.errorMessages.forEach((m, n) -> System.out.printf(Locale.ROOT, "%s error x%d: %s%n", r.mode, n.get(), m));
            r.wrongExamples.forEach(w -> System.out.println(r.mode + " wrong answer: " + w));
        }
    }

    /** Runs {@code sql} and returns its rows, one line each, columns separated by '|'. */
    private static String answer(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                for (int i = 1; i <= n; i++) {
                    out.append(i > 1 ? "|" : "").append(value(rs, md, i));
                }
            }
            return out.toString();
        }
    }

    /** Returns a column value; a timestamp as its UTC instant, since drivers format timestamps differently. */
    private static String value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        if (md.getColumnType(i) == Types.TIMESTAMP) {
            Timestamp ts = rs.getTimestamp(i, Calendar.getInstance(UTC, Locale.ROOT));
            return ts == null ? "NULL" : ts.toInstant().toString();
        }
        String s = rs.getString(i);
        return s == null ? "NULL" : s;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Driver load(List<Path> classPath, String driverClass) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such jar: " + p);
            }
            urls.add(toUrl(p));
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Driver) Class.forName(driverClass, true, loader).getDeclaredConstructor().newInstance();
    }

    private static URL toUrl(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    private static Connection connect(Driver driver, String url) throws SQLException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(driver.getClass().getClassLoader());
        try {
            Connection c = driver.connect(url, new Properties());
            if (c == null) {
                throw new SQLException(driver.getClass().getName() + " does not accept " + url);
            }
            return c;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("--clients", "16");
        values.put("--queries", "200");
        values.put("--commits-per-ns", "2");
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i]) && !List.of("--remote", "--remote-cp", "--embedded", "--embedded-cp")
                    .contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--remote", "--remote-cp", "--embedded", "--embedded-cp")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        return new Options(values.get("--remote"), paths(values.get("--remote-cp")), values.get("--embedded"),
                paths(values.get("--embedded-cp")), positive(values, "--clients"), positive(values, "--queries"),
                positive(values, "--commits-per-ns"));
    }

    private static List<Path> paths(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String s : classPath.split(java.io.File.pathSeparator)) {
            if (!s.isEmpty()) {
                paths.add(Path.of(s));
            }
        }
        return paths;
    }

    private static int positive(Map<String, String> values, String name) {
        try {
            int n = Integer.parseInt(values.get(name));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, not " + values.get(name));
    }

    private static String describe(Map<Kind, List<Query>> mix) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Kind, List<Query>> e : mix.entrySet()) {
            s.append(s.length() > 0 ? ", " : "").append(e.getValue().size()).append(' ').append(e.getKey().label);
        }
        return s.toString();
    }

    /** Nearest-rank percentile of {@code values} in nanoseconds; -1 when there are none. */
    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String firstLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }
}
