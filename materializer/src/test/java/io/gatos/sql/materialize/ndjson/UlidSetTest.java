package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Ulid;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UlidSetTest {
    @Test
    void findsExactlyWhatWasAddedAcrossTheWholeRange() {
        Random random = new Random(7);
        Set<String> added = new HashSet<>();
        UlidSet set = new UlidSet();
        for (int i = 0; i < 5_000; i++) {
            String ulid = Ulid.create(random.nextLong() & 0xFFFF_FFFF_FFFFL, random);
            added.add(ulid);
            set.add(ulid);
        }
        set.add("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        set.add("00000000000000000000000000");
        set.add("not a ulid");
        set.seal();

        assertThat(set.size()).isEqualTo(5_002);
        assertThat(added).allMatch(set::contains);
        assertThat(set.contains("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isTrue();
        assertThat(set.contains("00000000000000000000000000")).isTrue();
        for (int i = 0; i < 5_000; i++) {
            String other = Ulid.create(random.nextLong() & 0xFFFF_FFFF_FFFFL, random);
            assertThat(set.contains(other)).isEqualTo(added.contains(other));
        }
        assertThat(set.contains("7ZZZZZZZZZZZZZZZZZZZZZZZZY")).isFalse();
        assertThat(set.contains("not a ulid")).isFalse();
    }
}
