package io.gatos.sql.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

class PasswordHashTest {
    private static final char[] SECRET = "correct horse".toCharArray();

    @Test
    void verifiesTheHashedPasswordAndRejectsAnother() {
        String encoded = PasswordHash.hash(SECRET);

        assertThat(PasswordHash.verify("correct horse".toCharArray(), encoded)).isTrue();
        assertThat(PasswordHash.verify("correct horsE".toCharArray(), encoded)).isFalse();
        assertThat(PasswordHash.verify("correct hors".toCharArray(), encoded)).isFalse();
        assertThat(PasswordHash.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void encodesSchemeIterationsSaltAndHash() {
        String encoded = PasswordHash.hash(SECRET);

        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("210000").isEqualTo(String.valueOf(PasswordHash.ITERATIONS));
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(encoded).doesNotContain("correct", "horse", ":");
    }

    @Test
    void saltsEveryHash() {
        String first = PasswordHash.hash(SECRET, 1000);
        String second = PasswordHash.hash(SECRET, 1000);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(PasswordHash.verify(SECRET, first)).isTrue();
        assertThat(PasswordHash.verify(SECRET, second)).isTrue();
    }

    @Test
    void verifiesWithTheIterationCountOfTheEncoding() {
        String old = PasswordHash.hash(SECRET, 1000);

        assertThat(old).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHash.verify(SECRET, old)).isTrue();
        assertThat(PasswordHash.verify("wrong".toCharArray(), old)).isFalse();
        // the same salt and hash under another count no longer match
        assertThat(PasswordHash.verify(SECRET, old.replace("$1000$", "$1001$"))).isFalse();
    }

    @Test
    void leavesThePasswordArrayAsItWas() {
        char[] password = "kept".toCharArray();

        PasswordHash.verify(password, PasswordHash.hash(password, 1000));

        assertThat(password).containsExactly('k', 'e', 'p', 't');
    }

    @Test
    void rejectsAnEmptyPassword() {
        assertThatThrownBy(() -> PasswordHash.hash(new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsMalformedEncodingsNamingThePart() {
        String good = PasswordHash.hash(SECRET, 1000);
        String[] parts = good.split("\\$");

        assertMalformed("secret", "unknown password hash scheme");
        assertMalformed("bcrypt$10$abc$def", "unknown password hash scheme");
        assertMalformed("pbkdf2-sha256$1000$" + parts[2], "3 $-separated parts, not 4");
        assertMalformed(good.replace("$1000$", "$many$"), "bad iteration count 'many'");
        assertMalformed(good.replace("$1000$", "$0$"), "bad iteration count 0");
        assertMalformed(good.replace("$1000$", "$-5$"), "bad iteration count -5");
        assertMalformed(good.replace("$1000$", "$999999999$"), "bad iteration count 999999999");
        assertMalformed(
                "pbkdf2-sha256$1000$not*base64$" + parts[3], "bad base64 in the SALT part");
        assertMalformed(
                "pbkdf2-sha256$1000$" + parts[2] + "$%%%", "bad base64 in the HASH part");
        assertMalformed("pbkdf2-sha256$1000$$" + parts[3], "the SALT part has 0 bytes");
        assertMalformed("pbkdf2-sha256$1000$" + parts[2] + "$AAAA", "the HASH part has 3 bytes");
    }

    @Test
    void neverRepeatsTheEncodingInItsMessages() {
        assertThatThrownBy(() -> PasswordHash.verify(SECRET, "hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("hunter2")
                .contains("expected pbkdf2-sha256$ITERATIONS$SALT$HASH");
    }

    private static void assertMalformed(String encoded, String message) {
        assertThatThrownBy(() -> PasswordHash.verify(SECRET, encoded))
                .as(encoded)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
