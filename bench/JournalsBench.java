import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times {@code SELECT COUNT(*) FROM events} on a ledger of many one-commit journals through the
 * embedded driver: with {@code cache=false}, cold (cache directory deleted first) and warm, three
 * rounds each (alternating, after one untimed warm-up query per mode), and prints the medians and
 * the cold/off ratio. Run with the shaded jar:
 *
 * <pre>
 * java -Xmx512m -cp cli/target/gatos.jar bench/JournalsBench.java LEDGER
 * </pre>
 *
 * Exits 1 when the modes disagree or cold takes more than twice as long as cache=false.
 */
public final class JournalsBench {
    private static final String QUERY = "SELECT COUNT(*) FROM events";

    public static void main(String[] args) throws Exception {
        Path ledger = Path.of(args[0]).toAbsolutePath();
        String url = "jdbc:gatos:repo='" + ledger + "'";
        deleteCache(ledger);
        count(url + ";cache=false"); // warm-up: class loading, JIT, pack index
        List<Long> off = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        long answer = -1;
        boolean same = true;
        for (int round = 0; round < 3; round++) {
            long[] r = timed(url + ";cache=false");
            off.add(r[0]);
            answer = r[1];
            deleteCache(ledger);
            long[] c = timed(url);
            cold.add(c[0]);
            long[] w = timed(url);
            warm.add(w[0]);
            same &= c[1] == answer && w[1] == answer;
        }
        long offMs = median(off);
        long coldMs = median(cold);
        System.out.printf("COUNT(*) = %d%n", answer);
        System.out.printf("cache=false %6d ms  %s%n", offMs, off);
        System.out.printf("cold        %6d ms  %s  (%.2fx cache=false)%n", coldMs, cold, (double) coldMs / offMs);
        System.out.printf("warm        %6d ms  %s  (%.2fx cache=false)%n", median(warm), warm,
                (double) median(warm) / offMs);
        if (!same) {
            System.out.println("FAIL: the answers differ between modes");
        }
        if (coldMs > 2 * offMs) {
            System.out.println("FAIL: cold is more than 2x cache=false");
        }
        System.exit(same && coldMs <= 2 * offMs ? 0 : 1);
    }

    private static long[] timed(String url) throws SQLException {
        long start = System.nanoTime();
        long n = count(url);
        return new long[] {(System.nanoTime() - start) / 1_000_000, n};
    }

    private static long count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void deleteCache(Path ledger) throws IOException {
        Path dir = ledger.resolve("gatos-sql");
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private JournalsBench() {
    }
}
