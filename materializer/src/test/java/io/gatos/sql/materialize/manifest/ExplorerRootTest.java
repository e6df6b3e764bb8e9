package io.gatos.sql.materialize.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Blake3;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ExplorerRootTest {
    private static final String LEDGER_HEAD = "11".repeat(20);
    private static final String POLICY_ROOT = "22".repeat(20);
    private static final String FOLD_ROOT = "aa".repeat(32);
    private static final String VERSION = "v1.2.3+linux-x86_64";
    private static final String VERSION_HEX = "76312e322e332b6c696e75782d7838365f3634";

    @Test
    void serializesTheWorkedExampleOfTheSpec() {
        byte[] bytes = ExplorerRoot.serialize(LEDGER_HEAD, POLICY_ROOT, FOLD_ROOT, VERSION);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00000014" + LEDGER_HEAD + "00000014" + POLICY_ROOT
                + "00000020" + FOLD_ROOT + "00000013" + VERSION_HEX);
    }

    @Test
    void computesTheExplorerRootOfTheWorkedExample() {
        assertThat(ExplorerRoot.compute(LEDGER_HEAD, POLICY_ROOT, FOLD_ROOT, VERSION))
                .isEqualTo("e4cbbcc02698608bb59ed39d715ffd6e74c2865f473daf7cb861f9da33565d9d");
    }

    @Test
    void leavesTheFoldRootOutOfARawLedgerExport() {
        String handBuilt = "00000014" + LEDGER_HEAD + "00000014" + POLICY_ROOT + "00000013" + VERSION_HEX;

        String raw = ExplorerRoot.compute(LEDGER_HEAD, POLICY_ROOT, null, VERSION);

        assertThat(raw).isEqualTo(Blake3.hex(HexFormat.of().parseHex(handBuilt)))
                .isNotEqualTo(ExplorerRoot.compute(LEDGER_HEAD, POLICY_ROOT, FOLD_ROOT, VERSION));
    }

    @Test
    void writesAnEmptyPolicyRootAsZeroLength() {
        byte[] bytes = ExplorerRoot.serialize(LEDGER_HEAD, "", null, VERSION);

        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("00000014" + LEDGER_HEAD + "00000000" + "00000013" + VERSION_HEX);
    }

    @Test
    void stripsAnAlgorithmPrefixBeforeDecoding() {
        assertThat(ExplorerRoot.compute("sha256:" + LEDGER_HEAD, POLICY_ROOT, "blake3:" + FOLD_ROOT, VERSION))
                .isEqualTo(ExplorerRoot.compute(LEDGER_HEAD, POLICY_ROOT, FOLD_ROOT, VERSION));
    }

    @Test
    void namesTheFieldOfADigestThatIsNotHex() {
        assertThatThrownBy(() -> ExplorerRoot.compute(LEDGER_HEAD, "zz", null, VERSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy_root is not hex: zz");
    }

    @Test
    void namesTheFieldOfADigestOfOddLength() {
        assertThatThrownBy(() -> ExplorerRoot.compute(LEDGER_HEAD, POLICY_ROOT, "abc", VERSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fold_root has an odd number of hex digits: abc");
    }

    @Test
    void rejectsAnEmptyLedgerHead() {
        assertThatThrownBy(() -> ExplorerRoot.compute("blake3:", POLICY_ROOT, null, VERSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger_head is empty");
    }
}
