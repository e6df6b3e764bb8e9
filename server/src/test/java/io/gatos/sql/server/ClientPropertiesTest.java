package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientPropertiesTest {
    @Test
    void keepsDisplaySettingsUnderTheirCanonicalNames() {
        Properties p = ClientProperties.filter(Map.of("TIMEZONE", "Europe/Paris", "locale", "fr_FR"));
        assertThat(p).containsOnly(Map.entry("timeZone", "Europe/Paris"), Map.entry("locale", "fr_FR"));
    }

    @Test
    void dropsCredentialsAndTheClientsOwnTransportSettings() {
        Properties p = ClientProperties.filter(Map.of("user", "u", "password", "p", "serialization", "json",
                "avatica_password", "x", "url", "http://elsewhere", "timeZone", "UTC"));
        assertThat(p).containsOnly(Map.entry("timeZone", "UTC"));
        assertThat(ClientProperties.filter(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "MODEL", "schemaFactory", "fun", "repo", "Repo", "schema", "factory",
            "parserFactory", "caseSensitive", "anything"})
    void refusesEverythingElseNamingTheKey(String key) {
        assertThatThrownBy(() -> ClientProperties.filter(Map.of("timeZone", "UTC", key, "x")))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("connection property '" + key + "' is not allowed by this server")
                .hasMessageContaining("locale, timeZone")
                .satisfies(e -> assertThat(((RefusedException) e).getSqlState()).isEqualTo("08004"));
    }

    @Test
    void allowedOnlyStripsTheServersOwnSettings() {
        Properties in = new Properties();
        in.setProperty("avatica.connectioncache.maxcapacity", "10");
        in.setProperty("timezone", "UTC");
        assertThat(ClientProperties.allowedOnly(in)).containsOnly(Map.entry("timeZone", "UTC"));
    }
}
