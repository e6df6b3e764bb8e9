package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.server.ClientProperties;
import io.gatos.sql.server.GatosServer;
import io.gatos.sql.server.ServerConfig;
import io.gatos.sql.testing.LedgerTestRepository;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code gatos serve} in-process for what ends without serving: bad input, and --check. */
class ServeCommandTest {
    @TempDir
    static Path temp;
    static LedgerTestRepository ledger;

    @BeforeAll
    static void build() {
        ledger = LedgerTestRepository.create(temp.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{}");
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void helpNamesTheAllowedPropertiesAndTheExitCodes() {
        Cli cli = Cli.run("serve", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains(ClientProperties.allowedList()).contains("--statement-timeout")
                .contains("127.0.0.1").contains("Exit codes:");
    }

    @Test
    void badInputExitsTwoWithAMessageNamingIt() {
        assertInput(Cli.run("serve"), "--repo PATH is required");
        assertInput(Cli.run("serve", "--repo", temp.resolve("nope.git").toString(), "--port", "0"), "nope.git");
        String repo = ledger.path().toString();
        assertInput(Cli.run("serve", "--repo", repo, "--auth", "basic"), "--auth basic needs --users FILE");
        assertInput(Cli.run("serve", "--repo", repo, "--auth", "basic", "--users", temp.resolve("none.txt").toString()),
                "gatos passwd --users");
        assertInput(Cli.run("serve", "--repo", repo, "--serialization", "xml"), "protobuf or json");
        assertInput(Cli.run("serve", "--repo", repo, "--max-rows", "-1"), "--max-rows");
        assertInput(Cli.run("serve", "--repo", repo, "--tls-password", "x"), "--tls-password needs --tls-keystore");
        assertInput(Cli.run("serve", "--repo", repo, "--tls-keystore", temp.resolve("none.p12").toString(),
                "--tls-password", "x"), "cannot read the TLS keystore");
        assertThat(Cli.run("serve", "--repo", repo, "--statement-timeout", "soon").exitCode()).isEqualTo(2);
    }

    @Test
    void anAddressInUseExitsTwoNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertInput(Cli.run("serve", "--repo", ledger.path().toString(), "--port",
                    String.valueOf(taken.getLocalPort())), "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void checkAsksARunningServerForItsHealth() {
        ServerConfig config = ServerConfig.defaults(ledger.path()).withAddress("127.0.0.1", 0);
        int port;
        try (GatosServer server = GatosServer.start(config)) {
            port = server.port();
            Cli healthy = Cli.run("serve", "--check", "--port", String.valueOf(port));
            assertThat(healthy.exitCode()).as(healthy.err()).isZero();
            assertThat(healthy.out()).startsWith("healthy: {\"status\":\"ok\",\"refs\":");
        }
        Cli gone = Cli.run("serve", "--check", "--port", String.valueOf(port));
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("unhealthy: no answer from http://127.0.0.1:" + port + "/health");
    }

    private static void assertInput(Cli cli, String message) {
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(message).doesNotContain("\tat ");
    }
}
