package io.gatos.sql.materialize.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes the Explorer-Root of an export (GATOS SPEC §15.1): the BLAKE3 digest of the fields
 * {@code ledger_head}, {@code policy_root}, {@code fold_root} and {@code extractor_version}, each
 * written as a big-endian 32-bit byte length followed by its bytes. Digests are hex-decoded to their
 * raw bytes, the version is UTF-8, and a raw ledger export (no folds) leaves {@code fold_root} out
 * entirely, length prefix included.
 *
 * <p>Where the spec is silent: an empty {@code policy_root} (no active policy) is written as a
 * zero length; a digest may carry an algorithm prefix such as {@code sha256:} or {@code blake3:}
 * (everything up to the first colon), which is stripped before decoding; hex digits may be upper or
 * lower case; {@code ledger_head} and a given {@code fold_root} must not be empty; a digest that is
 * not hex or has an odd number of digits is an {@link IllegalArgumentException} naming its field.
 */
public final class ExplorerRoot {
    private static final int LENGTH_PREFIX = Integer.BYTES;

    private ExplorerRoot() {
    }

    /**
     * Returns the Explorer-Root as 64 lowercase hex characters; {@code foldRoot} is null for a raw
     * ledger export, every other argument is non-null.
     *
     * @throws IllegalArgumentException if a digest is empty where it may not be, not hex, or of odd length
     */
    public static String compute(String ledgerHead, String policyRoot, String foldRoot, String extractorVersion) {
        return Blake3.hex(serialize(ledgerHead, policyRoot, foldRoot, extractorVersion));
    }

    /**
     * Returns the bytes that {@link #compute} hashes; {@code foldRoot} is null for a raw ledger
     * export, every other argument is non-null.
     *
     * @throws IllegalArgumentException if a digest is empty where it may not be, not hex, or of odd length
     */
    public static byte[] serialize(String ledgerHead, String policyRoot, String foldRoot, String extractorVersion) {
        List<byte[]> fields = new ArrayList<>(4);
        fields.add(digest("ledger_head", ledgerHead, false));
        fields.add(digest("policy_root", policyRoot, true));
        if (foldRoot != null) {
            fields.add(digest("fold_root", foldRoot, false));
        }
        fields.add(requireNonNull(extractorVersion, "extractor_version").getBytes(UTF_8));
        return lengthPrefixed(fields);
    }

    private static byte[] lengthPrefixed(List<byte[]> fields) {
        int size = fields.stream().mapToInt(f -> LENGTH_PREFIX + f.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian by default
        for (byte[] field : fields) {
            out.putInt(field.length).put(field);
        }
        return out.array();
    }

    private static byte[] digest(String field, String value, boolean mayBeEmpty) {
        requireNonNull(value, field);
        String hex = value.substring(value.indexOf(':') + 1);
        if (hex.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException(field + " has an odd number of hex digits: " + value);
        }
        if (!hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(field + " is not hex: " + value);
        }
        return HexFormat.of().parseHex(hex);
    }
}
