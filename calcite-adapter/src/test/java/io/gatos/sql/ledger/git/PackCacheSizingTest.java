package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.junit.jupiter.api.Test;

class PackCacheSizingTest {
    private static final long MIB = 1024L * 1024;

    @Test
    void givesScansAQuarterOfTheHeapWithinBounds() {
        WindowCacheConfig small = PackCacheSizing.config(32 * MIB);
        assertThat(small.getPackedGitLimit()).isEqualTo(10 * MIB);
        assertThat(small.getDeltaBaseCacheLimit()).isEqualTo(10 * MIB);
        WindowCacheConfig usual = PackCacheSizing.config(512 * MIB);
        assertThat(usual.getPackedGitLimit()).isEqualTo(128 * MIB);
        assertThat(usual.getDeltaBaseCacheLimit()).isEqualTo(32 * MIB);
        assertThat(usual.getPackedGitWindowSize()).isEqualTo(64 * 1024);
        WindowCacheConfig large = PackCacheSizing.config(16 * 1024 * MIB);
        assertThat(large.getPackedGitLimit()).isEqualTo(256 * MIB);
        assertThat(large.getDeltaBaseCacheLimit()).isEqualTo(64 * MIB);
    }

    @Test
    void aSystemPropertyOverridesASize() {
        System.setProperty("gatos.git.packedGitLimit", String.valueOf(20 * MIB));
        try {
            assertThat(PackCacheSizing.config(512 * MIB).getPackedGitLimit()).isEqualTo(20 * MIB);
        } finally {
            System.clearProperty("gatos.git.packedGitLimit");
        }
        System.setProperty("gatos.git.packedGitLimit", "lots");
        try {
            assertThat(PackCacheSizing.config(512 * MIB).getPackedGitLimit()).isEqualTo(128 * MIB);
        } finally {
            System.clearProperty("gatos.git.packedGitLimit");
        }
    }
}
