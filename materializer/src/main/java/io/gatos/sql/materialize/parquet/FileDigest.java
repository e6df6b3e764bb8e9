package io.gatos.sql.materialize.parquet;

import io.gatos.sql.codec.Blake3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Computes the BLAKE3 digest of a file's bytes, reading it once in 64 KiB blocks. */
public final class FileDigest {
    private FileDigest() {
    }

    /** Returns {@code blake3:<hex>} of the bytes of {@code file}. */
    public static String of(Path file) throws IOException {
        Blake3 hasher = Blake3.newHasher();
        byte[] block = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(block)) > 0) {
                hasher.update(block, 0, n);
            }
        }
        // Blake3.hex(bytes) hashes its argument again: format the digest itself.
        return "blake3:" + HexFormat.of().formatHex(hasher.digest());
    }
}
