package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.server.auth.PasswordHash;
import io.gatos.sql.server.auth.UsersFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serves over HTTPS with Basic authentication, and asserts what a client with good or bad credentials sees. */
class AuthenticationIT {
    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.txt");
        UsersFile.empty().with("alice", PasswordHash.hash("s3cret:pw".toCharArray())).write(users);
        keystore = TestKeystores.selfSigned(dir.resolve("server.p12"), "changeit");
        fixture = ServerFixture.start(dir, c -> c.withAccess(ServerConfig.Serialization.JSON,
                new ServerConfig.Auth(users), new ServerConfig.Tls(keystore, "changeit")));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String trust() {
        return ";truststore=" + keystore + ";truststore_password=changeit";
    }

    @Test
    void aUserWithTheRightPasswordQueriesOverHttps() throws SQLException {
        assertThat(fixture.server.jdbcUrl()).startsWith("jdbc:avatica:remote:url=https://127.0.0.1:")
                .endsWith(";serialization=json;timeZone=UTC;authentication=BASIC");
        try (Connection c = fixture.connect(trust() + ";avatica_user=alice;avatica_password=s3cret:pw")) {
            assertThat(rows(c, "SELECT COUNT(*) FROM events")).containsExactly("7");
        }
    }

    @Test
    void badCredentialsGetHttp401() {
        assertThatThrownBy(() -> fixture.connect(trust() + ";avatica_user=alice;avatica_password=wrong").close())
                .hasMessageContaining("HTTP/401");
        assertThatThrownBy(() -> fixture.connect(trust() + ";avatica_user=mallory;avatica_password=s3cret:pw").close())
                .hasMessageContaining("HTTP/401");
        assertThatThrownBy(() -> fixture.connect(trust()).close()).hasMessageContaining("HTTP/401");
    }

    @Test
    void theHealthEndpointNeedsNoCredentialsAndTheApiDoes() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(new ServerConfig.Tls(keystore, "changeit").trustContext()).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create(fixture.server.uri() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"ok\",\"refs\":");
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(fixture.server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic realm=\"gatos\""));
        assertThat(api.body()).contains("authentication required");
    }

    @Test
    void plainHttpIsNotServed() {
        URI plain = URI.create(fixture.server.uri().toString().replace("https:", "http:") + "/health");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode())
                .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(IOException.class),
                        e -> assertThat(e).hasMessageContaining("400"));
    }
}
