package io.gatos.sql.ledger;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Sizes JGit's process-wide pack window cache for scanning ledgers: JGit's defaults (10 MB of 8 KB
 * windows read into the heap) make a full scan seek and evict constantly. Windows are 64 KB and
 * memory-mapped outside the heap (except on Windows), up to 512 MB of address space; delta bases get
 * an eighth of the heap at most. Applied once
 * per JVM, before the first repository opens; a host application that configured JGit itself can
 * opt out with {@code -Dgatos.jgit.tune=false}.
 */
final class PackCache {
    private static final long MB = 1024L * 1024L;
    private static volatile boolean installed;

    private PackCache() {
    }

    static void installOnce() {
        if (installed || !Boolean.parseBoolean(System.getProperty("gatos.jgit.tune", "true"))) {
            return;
        }
        synchronized (PackCache.class) {
            if (installed) {
                return;
            }
            long heap = Runtime.getRuntime().maxMemory();
            WindowCacheConfig config = new WindowCacheConfig();
            // Windows cannot delete a mapped pack (a concurrent git gc would fail there).
            config.setPackedGitMMAP(!System.getProperty("os.name", "").startsWith("Windows"));
            config.setPackedGitWindowSize(64 * 1024);
            config.setPackedGitLimit(512 * MB);
            config.setPackedGitOpenFiles(256);
            config.setDeltaBaseCacheLimit((int) Math.min(64 * MB, heap / 8));
            config.setStreamFileThreshold((int) Math.min(50 * MB, heap / 8));
            config.install();
            installed = true;
        }
    }
}
