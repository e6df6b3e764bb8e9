package io.gatos.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void roundTripsTime() {
        long t = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        String ulid = Ulid.create(t, new Random(1));
        assertThat(Ulid.isValid(ulid)).isTrue();
        assertThat(Ulid.timeMillis(ulid)).isEqualTo(t);
        assertThat(Ulid.create(t + 1, new Random(1))).isGreaterThan(ulid);
    }

    @Test
    void validatesShape() {
        assertThat(Ulid.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
        assertThat(Ulid.isValid("01arz3ndektsv4rrffq69g5fav")).isFalse();
        assertThat(Ulid.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAI")).isFalse();
        assertThat(Ulid.isValid("81ARZ3NDEKTSV4RRFFQ69G5FAV")).isFalse();
        assertThat(Ulid.isValid("01ARZ3NDEK")).isFalse();
        assertThat(Ulid.isValid(null)).isFalse();
        assertThat(Ulid.timeMillis("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isEqualTo(1_469_922_850_259L);
        assertThatThrownBy(() -> Ulid.timeMillis("nope")).hasMessageContaining("nope");
    }
}
