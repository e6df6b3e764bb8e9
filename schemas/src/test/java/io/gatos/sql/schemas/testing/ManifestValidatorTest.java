package io.gatos.sql.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

    @Test
    void prefixesEachMessageWithThePathOfTheOffendingValue() {
        assertThat(ManifestValidator.errors("{\"manifest_version\": 2}"))
                .contains("$: required property 'format' not found")
                .anyMatch(e -> e.startsWith("$.manifest_version: "));
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> ManifestValidator.errors("{not json")).isInstanceOf(RuntimeException.class);
    }
}
