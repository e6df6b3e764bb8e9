package io.gatos.sql.ledger.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Sizes JGit's process-wide pack window cache for scans that read every object of a ledger once:
 * JGit's defaults (10 MiB of 8 KiB windows, 10 MiB of delta bases) make a scan of a larger pack
 * evict the windows it is about to read. Applied once per process, on the first repository opened;
 * a system property {@code gatos.git.<name>} (bytes) overrides each size. The cache lives on the
 * heap and counts against {@code -Xmx}: a quarter of the heap at most.
 */
public final class PackCacheSizing {
    /** Window size: one read of a pack fetches this much around an object. */
    static final int WINDOW = 64 * 1024;
    private static final long MIB = 1024L * 1024;
    private static volatile boolean installed;

    private PackCacheSizing() {
    }

    /** Installs the sizes unless already done in this process; cheap after the first call. */
    public static void installOnce() {
        if (installed) {
            return;
        }
        synchronized (PackCacheSizing.class) {
            if (!installed) {
                config(Runtime.getRuntime().maxMemory()).install();
                installed = true;
            }
        }
    }

    /** Returns the configuration for a heap of {@code maxHeap} bytes, system property overrides applied. */
    static WindowCacheConfig config(long maxHeap) {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitWindowSize((int) size("packedGitWindowSize", WINDOW));
        config.setPackedGitLimit(size("packedGitLimit", clamp(maxHeap / 4, 10 * MIB, 256 * MIB)));
        config.setDeltaBaseCacheLimit((int) size("deltaBaseCacheLimit", clamp(maxHeap / 16, 10 * MIB, 64 * MIB)));
        return config;
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static long size(String name, long fallback) {
        String value = System.getProperty("gatos.git." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
