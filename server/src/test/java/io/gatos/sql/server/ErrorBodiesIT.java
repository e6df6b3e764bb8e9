package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends what the server cannot serve (undecodable bodies, other HTTP methods, oversize headers,
 * a query whose generated code throws a {@code java.lang.Error}) and asserts every answer is brief:
 * a message and a state, no stack frame, no server version, never an HTML page.
 */
class ErrorBodiesIT {
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
    void anUndecodableBodyIsAnsweredWithoutStackFramesOrVersion() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 7\r\n\r\ngarbage");
        assertThat(RawHttp.status(response)).isEqualTo(500);
        assertBrief(response);
    }

    @Test
    void otherMethodsAreAnsweredBriefly() throws IOException {
        for (String method : new String[] {"DELETE", "PUT", "GET"}) {
            String response = exchange(method + " / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThat(RawHttp.status(response)).as(method).isEqualTo(405);
            assertThat(response).containsIgnoringCase("Allow: POST");
            assertBrief(response);
        }
    }

    @Test
    void oversizeHeadersAreAnsweredBriefly() throws IOException {
        String response = exchange("POST / HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(64 * 1024) + "\r\n\r\n");
        assertThat(RawHttp.status(response)).isEqualTo(431);
        assertBrief(response);
    }

    @Test
    void anErrorThrownInsideAQueryReachesTheStockClientAsAnSqlException() throws SQLException {
        try (Connection c = fixture.connect(); Statement st = c.createStatement()) {
            Throwable failure = catchThrowable(() -> st.executeQuery("SELECT CAST(2 AS INTEGER)/0 FROM (VALUES(1))"));
            assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("by zero");
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("22012");
        }
    }

    @Test
    void anUnsupportedStatementIsRefusedInOneSentence() throws SQLException {
        try (Connection c = fixture.connect(); Statement st = c.createStatement()) {
            Throwable failure = catchThrowable(() -> st.executeUpdate("DELETE FROM events"));
            assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            assertThat(failure.getMessage()).hasSizeLessThan(300);
        }
    }

    private static String exchange(String request) throws IOException {
        try (RawHttp client = RawHttp.connect(fixture.server.uri(), 5_000)) {
            return client.send(request).readResponse(256 * 1024);
        }
    }

    private static void assertBrief(String response) {
        assertThat(response).doesNotContain("\tat ").doesNotContainIgnoringCase("jetty")
                .doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("Server:");
        assertThat(RawHttp.body(response)).hasSizeLessThan(1_000);
    }
}
