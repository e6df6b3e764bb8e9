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
        Properties p = ClientProperties.filter(Map.of("LOCALE", "fr_FR", "cache", "false"));
        assertThat(p).containsOnly(Map.entry("locale", "fr_FR"), Map.entry("cache", "false"));
    }

    @Test
    void dropsCredentialsAndTheClientsOwnTransportSettings() {
        Properties p = ClientProperties.filter(Map.of("user", "u", "password", "p", "serialization", "json",
                "avatica_password", "x", "url", "http://elsewhere", "timeZone", "Asia/Tokyo", "locale", "de"));
        assertThat(p).as("the client's zone says how it reads the wire; the server's time model is fixed")
                .containsOnly(Map.entry("locale", "de"));
        assertThat(ClientProperties.filter(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "MODEL", "schemaFactory", "fun", "repo", "Repo", "schema", "factory",
            "parserFactory", "caseSensitive", "anything"})
    void refusesEverythingElseNamingTheKey(String key) {
        assertThatThrownBy(() -> ClientProperties.filter(Map.of("timeZone", "UTC", key, "x")))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("connection property '" + key + "' is not allowed by this server")
                .hasMessageContaining("cache, locale")
                .satisfies(e -> assertThat(((RefusedException) e).getSqlState()).isEqualTo("08004"));
    }

    @Test
    void allowedOnlyStripsTheServersOwnSettings() {
        Properties in = new Properties();
        in.setProperty("avatica.connectioncache.maxcapacity", "10");
        in.setProperty("Locale", "de");
        assertThat(ClientProperties.allowedOnly(in)).containsOnly(Map.entry("locale", "de"));
    }
}
