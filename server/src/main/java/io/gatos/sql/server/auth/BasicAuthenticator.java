package io.gatos.sql.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks HTTP Basic {@code Authorization} headers against a {@link UsersFile}. Thread-safe.
 * Remembers successful checks for {@link #CACHE_TTL} (at most {@link #CACHE_SIZE} of them, keyed
 * by an HMAC of the credentials under a key that never leaves this instance), because clients
 * such as Avatica's send the header on every request and each PBKDF2 run costs 0.1 to 0.5 s.
 */
public final class BasicAuthenticator {
    /** The most successful checks remembered; the oldest is forgotten first. */
    static final int CACHE_SIZE = 1024;

    /** How long a successful check is remembered. */
    static final Duration CACHE_TTL = Duration.ofMinutes(10);

    private static final String HMAC = "HmacSHA256";
    private static final String SCHEME = "Basic";

    private final UsersFile users;
    private final Clock clock;
    private final SecretKeySpec cacheKey;
    private final AtomicLong verifications = new AtomicLong();

    /** HMAC of {@code user:password} in hex to the user and when the entry expires; guarded. */
    private final Map<String, Verified> cache =
            new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    /** Creates an authenticator over {@code users} (not null) with the system clock. */
    public BasicAuthenticator(UsersFile users) {
        this(users, Clock.systemUTC());
    }

    /** Creates an authenticator whose cache entries expire by {@code clock} (tests move it). */
    BasicAuthenticator(UsersFile users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, HMAC);
        Arrays.fill(key, (byte) 0);
    }

    /** Returns the realm of the {@code WWW-Authenticate: Basic realm="gatos"} challenge. */
    public static String realm() {
        return "gatos";
    }

    /**
     * Returns the user whose name and password {@code authorizationHeader} carries as {@code Basic
     * base64(user:password)} (scheme case-insensitive, split at the first colon), or empty when
     * the header is null or malformed, the user unknown or the password wrong; never throws for
     * client input. Costly (one PBKDF2 run) unless the same credentials succeeded within the last
     * ten minutes; an unknown user costs a PBKDF2 run too, so timing does not reveal user names.
     */
    public Optional<String> authenticate(String authorizationHeader) {
        byte[] credentials = decodeHeader(authorizationHeader);
        if (credentials == null) {
            return Optional.empty();
        }
        try {
            return authenticate(credentials);
        } finally {
            Arrays.fill(credentials, (byte) 0);
        }
    }

    private Optional<String> authenticate(byte[] credentials) {
        char[] chars = utf8(credentials);
        if (chars == null) {
            return Optional.empty();
        }
        int colon = indexOf(chars, ':');
        if (colon < 0) {
            Arrays.fill(chars, '\0');
            return Optional.empty();
        }
        String user = new String(chars, 0, colon);
        char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
        Arrays.fill(chars, '\0');
        try {
            String key = hmac(credentials);
            if (cached(key, user)) {
                return Optional.of(user);
            }
            if (!verify(user, password)) {
                return Optional.empty();
            }
            remember(key, user);
            return Optional.of(user);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Returns how many PBKDF2 runs this authenticator made (tests check the cache with it). */
    long verifications() {
        return verifications.get();
    }

    private boolean verify(String user, char[] password) {
        Optional<String> hash = users.hashOf(user);
        verifications.incrementAndGet();
        if (hash.isEmpty()) {
            PasswordHash.verify(password, Dummy.HASH); // spend the same time as for a known user
            return false;
        }
        return PasswordHash.verify(password, hash.get());
    }

    private boolean cached(String key, String user) {
        Instant now = clock.instant();
        synchronized (cache) {
            Verified verified = cache.get(key);
            if (verified == null) {
                return false;
            }
            if (!now.isBefore(verified.expires())) {
                cache.remove(key);
                return false;
            }
            return verified.user().equals(user);
        }
    }

    private void remember(String key, String user) {
        Instant expires = clock.instant().plus(CACHE_TTL);
        synchronized (cache) {
            cache.remove(key); // re-inserted last, so eviction stays oldest-first
            cache.put(key, new Verified(user, expires));
        }
    }

    private static byte[] decodeHeader(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static char[] utf8(byte[] bytes) {
        try {
            CharBuffer chars = UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private String hmac(byte[] credentials) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(cacheKey);
            return HexFormat.of().formatHex(mac.doFinal(credentials));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + HMAC, e);
        }
    }

    /** A successful check: who, and until when it counts. */
    private record Verified(String user, Instant expires) {}

    /** Holds a hash checked for unknown users, computed once per JVM on first use. */
    private static final class Dummy {
        static final String HASH = PasswordHash.hash("gatos-unknown-user".toCharArray());
    }
}
