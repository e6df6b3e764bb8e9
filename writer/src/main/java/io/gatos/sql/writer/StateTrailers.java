package io.gatos.sql.writer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the trailers of a state checkpoint commit (LAYOUT §4). Every field is nullable and a null
 * is left out of the message; the first six are required by the LAYOUT, so leaving one out writes
 * a deliberately incomplete checkpoint.
 *
 * @param stateRoot      {@code State-Root: blake3:<hex>}
 * @param ledgerHead     {@code Ledger-Head: <commit id>}
 * @param policyRoot     {@code Policy-Root: <commit id>}
 * @param policyCodeRoot {@code Policy-Code-Root: sha256:<hex>}
 * @param foldEngine     {@code Fold-Engine: echo@<semver>+elc@<semver>}
 * @param foldRoot       {@code Fold-Root: sha256:<hex>}
 * @param foldVersion    {@code Fold-Version} (optional)
 * @param foldMath       {@code Fold-Math} (optional)
 * @param foldRng        {@code Fold-RNG} (optional)
 */
public record StateTrailers(
        String stateRoot,
        String ledgerHead,
        String policyRoot,
        String policyCodeRoot,
        String foldEngine,
        String foldRoot,
        String foldVersion,
        String foldMath,
        String foldRng) {
    /** Fold engine written by {@link #of}. */
    public static final String DEFAULT_FOLD_ENGINE = "echo@0.3.0+elc@0.2.1";
    /** Policy code root written by {@link #of}: sha256 of {@code gatos-policy-code}. */
    public static final String DEFAULT_POLICY_CODE_ROOT = sha256("gatos-policy-code");
    /** Fold root written by {@link #of}: sha256 of {@code gatos-fold}. */
    public static final String DEFAULT_FOLD_ROOT = sha256("gatos-fold");

    /** Returns trailers with the three given roots, default engine and code roots, Fold-Version 1. */
    public static StateTrailers of(String stateRoot, String ledgerHead, String policyRoot) {
        return new StateTrailers(stateRoot, ledgerHead, policyRoot, DEFAULT_POLICY_CODE_ROOT,
                DEFAULT_FOLD_ENGINE, DEFAULT_FOLD_ROOT, "1", null, null);
    }

    /** Returns a copy with the optional Fold-Math and Fold-RNG trailers (null omits them). */
    public StateTrailers withMathAndRng(String math, String rng) {
        return new StateTrailers(stateRoot, ledgerHead, policyRoot, policyCodeRoot, foldEngine, foldRoot,
                foldVersion, math, rng);
    }

    /** Returns the non-null trailers in LAYOUT order as an unmodifiable map. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "State-Root", stateRoot);
        put(map, "Ledger-Head", ledgerHead);
        put(map, "Policy-Root", policyRoot);
        put(map, "Policy-Code-Root", policyCodeRoot);
        put(map, "Fold-Engine", foldEngine);
        put(map, "Fold-Root", foldRoot);
        put(map, "Fold-Version", foldVersion);
        put(map, "Fold-Math", foldMath);
        put(map, "Fold-RNG", foldRng);
        return Collections.unmodifiableMap(map);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Returns {@code sha256:<hex>} of the UTF-8 bytes of {@code text}. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
