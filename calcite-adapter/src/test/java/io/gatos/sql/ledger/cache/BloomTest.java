package io.gatos.sql.ledger.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BloomTest {
    @Test
    void everyAddedKeyMayBeContainedAndFewOthersDo() {
        Bloom bloom = Bloom.forKeys(4096);
        IntStream.range(0, 4096).forEach(i -> bloom.add("key-" + i));
        assertThat(IntStream.range(0, 4096).allMatch(i -> bloom.mayContain("key-" + i))).isTrue();
        long false_positives = IntStream.range(0, 100_000).filter(i -> bloom.mayContain("other-" + i)).count();
        assertThat(false_positives).isLessThan(3_000); // about 1 % expected
    }

    @Test
    void wordsRoundTripAndAnEmptyFilterContainsNothing() {
        Bloom bloom = Bloom.forKeys(3);
        bloom.add("01JABCDEFGHJKMNPQRSTVWXYZ0");
        Bloom copy = Bloom.of(bloom.words());
        assertThat(copy.mayContain("01JABCDEFGHJKMNPQRSTVWXYZ0")).isTrue();
        assertThat(Bloom.forKeys(0).mayContain("x")).isFalse();
        assertThat(Bloom.of(new long[0]).mayContain("x")).isFalse();
    }
}
