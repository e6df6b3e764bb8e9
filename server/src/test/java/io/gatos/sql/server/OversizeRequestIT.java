package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends bodies over the server's request size limit, declared and chunked, and asserts they are
 * refused with 413 and a closed connection before the server reads them, while ordinary requests
 * still pass.
 */
class OversizeRequestIT {
    private static final int LIMIT = HttpLimits.DEFAULTS.maxBodyBytes();

    @TempDir
    static Path dir;
    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.start(dir, c -> c);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aDeclaredHundredMegabyteBodyIsRefusedBeforeItIsRead() throws IOException {
        try (RawHttp client = RawHttp.connect(fixture.server.uri(), 5_000)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (100L << 20) + "\r\n\r\n");
            String response = client.readResponse(64 * 1024);
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(response).containsIgnoringCase("Connection: close");
            assertThat(RawHttp.body(response)).contains("--max-request-bytes").doesNotContain("\tat ");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceItPassesTheLimit() throws IOException {
        try (RawHttp client = RawHttp.connect(fixture.server.uri(), 5_000)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = chunk(64 * 1024);
            int sent = 0;
            try {
                for (; sent < 4 * LIMIT; sent += 64 * 1024) {
                    client.send(chunk);
                }
            } catch (IOException closedByServer) {
                // the server refused the body and closed the connection while it was being sent
            }
            String response = client.readResponse(64 * 1024);
            assertThat(RawHttp.status(response)).isEqualTo(413);
        }
    }

    @Test
    void queriesStillPassAfterTheRefusals() throws SQLException {
        try (Connection c = fixture.connect()) {
            assertThat(rows(c, "SELECT COUNT(*) FROM events")).containsExactly("7");
        }
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] chunk = new byte[head.length + size + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }
}
