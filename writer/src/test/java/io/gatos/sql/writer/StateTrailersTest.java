package io.gatos.sql.writer;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateTrailersTest {

    @Test
    void toMapKeepsLayoutOrderAndSkipsNulls() {
        StateTrailers t = StateTrailers.of("blake3:s", "l", "p").withMathAndRng("fixed-q32.32", null);
        assertThat(t.toMap().keySet()).containsExactly("State-Root", "Ledger-Head", "Policy-Root", "Policy-Code-Root",
                "Fold-Engine", "Fold-Root", "Fold-Version", "Fold-Math");
        assertThat(new StateTrailers(null, "l", null, null, null, null, null, null, "pcg32@1").toMap())
                .containsExactly(entry("Ledger-Head", "l"), entry("Fold-RNG", "pcg32@1"));
    }

    @Test
    void defaultsAreWellFormedDigests() {
        assertThat(StateTrailers.DEFAULT_POLICY_CODE_ROOT).matches("sha256:[0-9a-f]{64}");
        assertThat(StateTrailers.DEFAULT_FOLD_ROOT).matches("sha256:[0-9a-f]{64}");
        assertThat(StateTrailers.DEFAULT_FOLD_ENGINE).startsWith("echo@");
    }
}
