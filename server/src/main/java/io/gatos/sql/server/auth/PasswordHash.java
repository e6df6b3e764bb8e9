package io.gatos.sql.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with a random salt and PBKDF2-HMAC-SHA256 and checks passwords against such
 * hashes, encoded as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in padded base64).
 */
public final class PasswordHash {
    /** The scheme name that starts every encoded hash. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** The PBKDF2 iteration count of new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 210_000;

    /** The largest iteration count {@link #verify} accepts, so a typo cannot hang the server. */
    static final int MAX_ITERATIONS = 10_000_000;

    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_BYTES = 64;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String FORMAT =
            "expected " + SCHEME + "$ITERATIONS$SALT$HASH as written by gatos passwd";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /**
     * Hashes a non-empty password with a fresh 16-byte salt and {@link #ITERATIONS} rounds; costly
     * (about 0.1 to 0.5 s of CPU). Leaves {@code password} as it was: the caller clears it.
     *
     * @throws IllegalArgumentException if {@code password} is empty
     */
    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /** Hashes {@code password} with {@code iterations} rounds (tests build cheap old entries). */
    static String hash(char[] password, int iterations) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty: choose a non-empty one");
        }
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, iterations, KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME
                + "$"
                + iterations
                + "$"
                + base64.encodeToString(salt)
                + "$"
                + base64.encodeToString(key);
    }

    /**
     * Tells whether {@code password} hashes to {@code encoded}, with the iteration count stored in
     * {@code encoded} and a constant-time comparison; costly (one PBKDF2 run) unless {@code
     * password} is empty, which never matches.
     *
     * @throws IllegalArgumentException if {@code encoded} is not a well-formed {@link #SCHEME}
     *     hash; the message says which part is wrong but never repeats {@code encoded}
     */
    public static boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Encoded parsed = parse(encoded);
        if (password.length == 0) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.key().length);
        try {
            return MessageDigest.isEqual(actual, parsed.key());
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /**
     * Splits and checks an encoded hash without running PBKDF2.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    static Encoded parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            String problem =
                    encoded.startsWith(SCHEME + "$")
                            ? "the hash has " + parts.length + " $-separated parts, not 4"
                            : "unknown password hash scheme (not " + SCHEME + ")";
            throw new IllegalArgumentException(problem + ": " + FORMAT);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad iteration count '" + parts[1] + "' in the hash: " + FORMAT, e);
        }
        checkIterations(iterations);
        byte[] salt = decode(parts[2], "SALT", 1);
        byte[] key = decode(parts[3], "HASH", MIN_KEY_BYTES);
        return new Encoded(iterations, salt, key);
    }

    private static void checkIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "bad iteration count "
                            + iterations
                            + " in the hash: it must be between 1 and "
                            + MAX_ITERATIONS);
        }
    }

    private static byte[] decode(String base64, String part, int minBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bad base64 in the " + part + " part (" + e.getMessage() + "): " + FORMAT,
                    e);
        }
        if (bytes.length < minBytes || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "the "
                            + part
                            + " part has "
                            + bytes.length
                            + " bytes; expected "
                            + minBytes
                            + " to "
                            + MAX_BYTES
                            + ": "
                            + FORMAT);
        }
        return bytes;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Holds the parts of an encoded hash. */
    record Encoded(int iterations, byte[] salt, byte[] key) {}
}
