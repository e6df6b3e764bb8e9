package io.gatos.sql.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class BasicAuthenticatorTest {
    private static UsersFile users;

    private final MutableClock clock = new MutableClock();
    private BasicAuthenticator auth;

    @BeforeAll
    static void users() {
        users =
                UsersFile.empty()
                        .with("alice", PasswordHash.hash("s3cret".toCharArray(), 1000))
                        .with("bob", PasswordHash.hash("a:b:c".toCharArray(), 1000))
                        .with("carl", PasswordHash.hash("pâté 🐈".toCharArray(), 1000));
    }

    @BeforeEach
    void authenticator() {
        auth = new BasicAuthenticator(users, clock);
    }

    @Test
    void returnsTheUserOfGoodCredentials() {
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.verifications()).isEqualTo(1);
    }

    @Test
    void acceptsTheSchemeInAnyCaseAndSurroundingSpace() {
        String token = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(UTF_8));

        assertThat(auth.authenticate("basic " + token)).contains("alice");
        assertThat(auth.authenticate("  BASIC   " + token + " ")).contains("alice");
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayHoldColons() {
        assertThat(auth.authenticate(basic("bob:a:b:c"))).contains("bob");
        assertThat(auth.authenticate(basic("bob:a:b"))).isEmpty();
    }

    @Test
    void decodesUtf8Passwords() {
        assertThat(auth.authenticate(basic("carl:pâté 🐈"))).contains("carl");
        assertThat(auth.authenticate(basic("carl:pate 🐈"))).isEmpty();
    }

    @Test
    void rejectsAWrongPasswordAndAnUnknownUser() {
        assertThat(auth.authenticate(basic("alice:S3cret"))).isEmpty();
        assertThat(auth.authenticate(basic("alice:"))).isEmpty();
        assertThat(auth.authenticate(basic("carol:s3cret"))).isEmpty();
        assertThat(auth.authenticate(basic(":s3cret"))).isEmpty();
    }

    @Test
    void spendsAPbkdf2RunOnUnknownUsersToo() {
        auth.authenticate(basic("carol:s3cret"));

        assertThat(auth.verifications()).isEqualTo(1);
    }

    @Test
    void rejectsMalformedHeadersWithoutThrowing() {
        String token = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(UTF_8));

        assertThat(auth.authenticate(null)).isEmpty();
        assertThat(auth.authenticate("")).isEmpty();
        assertThat(auth.authenticate("Basic")).isEmpty();
        assertThat(auth.authenticate("Basic ")).isEmpty();
        assertThat(auth.authenticate("Bearer " + token)).isEmpty();
        assertThat(auth.authenticate("Basicc " + token)).isEmpty();
        assertThat(auth.authenticate(token)).isEmpty();
        assertThat(auth.authenticate("Basic alice:s3cret")).isEmpty();
        assertThat(auth.authenticate("Basic " + token + "!")).isEmpty();
        assertThat(auth.authenticate(basic("alice"))).isEmpty();
        assertThat(auth.authenticate("Basic " + Base64.getEncoder().encodeToString(
                new byte[] {'a', ':', (byte) 0xc3}))).isEmpty();
        assertThat(auth.verifications()).as("no PBKDF2 run for malformed input").isZero();
    }

    @Test
    void remembersASuccessSoTheNextCallSkipsPbkdf2() {
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");

        assertThat(auth.verifications()).isEqualTo(1);
    }

    @Test
    void neverRemembersAFailure() {
        auth.authenticate(basic("alice:wrong"));
        auth.authenticate(basic("alice:wrong"));

        assertThat(auth.verifications()).isEqualTo(2);
    }

    @Test
    void stillRejectsAWrongPasswordAfterACachedSuccess() {
        auth.authenticate(basic("alice:s3cret"));

        assertThat(auth.authenticate(basic("alice:s3cre"))).isEmpty();
        assertThat(auth.authenticate(basic("alice:s3cret "))).isEmpty();
        assertThat(auth.authenticate(basic("bob:s3cret"))).isEmpty();
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.verifications()).isEqualTo(4);
    }

    @Test
    void forgetsASuccessAfterTenMinutes() {
        auth.authenticate(basic("alice:s3cret"));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.verifications()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.verifications()).isEqualTo(2);

        assertThat(auth.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(auth.verifications()).as("remembered again").isEqualTo(2);
    }

    @Test
    void doesNotShareItsCacheWithAnotherInstance() {
        auth.authenticate(basic("alice:s3cret"));
        BasicAuthenticator other = new BasicAuthenticator(users, clock);

        assertThat(other.authenticate(basic("alice:s3cret"))).contains("alice");
        assertThat(other.verifications()).isEqualTo(1);
    }

    @Test
    void forgetsTheOldestSuccessBeyond1024() {
        UsersFile many = users;
        String hash = PasswordHash.hash("pw".toCharArray(), 1);
        for (int i = 0; i < BasicAuthenticator.CACHE_SIZE; i++) {
            many = many.with("u" + i, hash);
        }
        BasicAuthenticator bounded = new BasicAuthenticator(many, clock);
        bounded.authenticate(basic("alice:s3cret"));
        for (int i = 0; i < BasicAuthenticator.CACHE_SIZE - 1; i++) {
            bounded.authenticate(basic("u" + i + ":pw"));
        }
        bounded.authenticate(basic("alice:s3cret"));
        assertThat(bounded.verifications()).as("1024 entries fit").isEqualTo(1024);

        bounded.authenticate(basic("u1023:pw")); // the 1025th entry evicts the oldest
        bounded.authenticate(basic("alice:s3cret"));

        assertThat(bounded.verifications()).isEqualTo(1026);
    }

    @Test
    void authenticatesFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> auth.authenticate(basic("alice:s3cret")));
                calls.add(() -> auth.authenticate(basic("alice:nope")));
            }
            List<Future<Optional<String>>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(
                        i % 2 == 0 ? Optional.of("alice") : Optional.empty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesTheRealm() {
        assertThat(BasicAuthenticator.realm()).isEqualTo("gatos");
    }

    @Test
    void requiresUsers() {
        assertThatThrownBy(() -> new BasicAuthenticator(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("users");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
    }
}
