package io.gatos.sql.codec;

import java.util.Random;
import java.util.regex.Pattern;

/**
 * Validates, decodes and creates ULIDs (26 upper-case Crockford base32 characters whose first ten
 * encode milliseconds since the epoch). Pure and allocation-light; every method is constant time.
 */
public final class Ulid {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    /** Largest first character: a ULID holds 128 bits, so its first base32 digit is at most 7. */
    private static final char MAX_FIRST = '7';

    private Ulid() {
    }

    /** Returns whether {@code text} is a well-formed ULID; {@code null} is not. */
    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches() && text.charAt(0) <= MAX_FIRST;
    }

    /**
     * Returns the milliseconds since the epoch encoded in the first ten characters.
     *
     * @throws IllegalArgumentException when {@code ulid} is not well-formed
     */
    public static long timeMillis(String ulid) {
        if (!isValid(ulid)) {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(ulid.charAt(i));
        }
        return millis;
    }

    /** Creates a ULID for {@code millis} with 80 random bits drawn from {@code random}. */
    public static String create(long millis, Random random) {
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("ULID time out of range: " + millis);
        }
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (time & 31));
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(32));
        }
        return new String(out);
    }
}
