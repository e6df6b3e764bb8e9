package io.gatos.sql.cli;

import io.gatos.sql.testing.LedgerTestRepository;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds small real ledgers for the export tests and reads back the SQLite files they write. */
final class TestLedgers {
    private TestLedgers() {}

    /**
     * Creates a ledger at {@code dir} with three {@code orders} events and one {@code billing}
     * event; the caller closes it.
     */
    static LedgerTestRepository orders(Path dir) {
        LedgerTestRepository repo = LedgerTestRepository.create(dir);
        repo.event("orders", "alice", "order.created", "{\"amount\":10}");
        repo.event("orders", "alice", "order.paid", "{\"amount\":10}");
        repo.event("orders", "bob", "order.created", "{\"amount\":5}");
        repo.event("billing", "carol", "invoice.sent", "{\"amount\":7}");
        repo.path();
        return repo;
    }

    /**
     * Takes the lock {@code <out>.lock} the way a concurrent run would; closing the channel
     * releases it.
     */
    static FileChannel lockOutput(Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        FileChannel channel =
                FileChannel.open(
                        out.resolveSibling(out.getFileName() + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    /** Runs {@code sql} on the SQLite file {@code file} with the xerial driver; returns the rows. */
    static List<List<Object>> rows(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
