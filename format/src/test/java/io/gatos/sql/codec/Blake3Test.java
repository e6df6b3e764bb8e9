package io.gatos.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Blake3Test {
    private static final String EMPTY =
        "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
    private static final String ABC =
        "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85";

    @Test
    void knownAnswers() {
        assertThat(Blake3.hex(new byte[0])).isEqualTo(EMPTY);
        assertThat(Blake3.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Blake3.newHasher().digest()).isEqualTo(HexFormat.of().parseHex(EMPTY));
        byte[] streamed = Blake3.newHasher()
            .update(new byte[] {'a'}).update(new byte[0]).update(new byte[] {'x', 'b', 'c', 'y'}, 1, 2)
            .digest();
        assertThat(streamed).isEqualTo(HexFormat.of().parseHex(ABC));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 1023, 1024, 1025, 2047, 2048, 2049, 3072, 4096, 8193,
        65536, 1_000_003})
    void matchesBouncyCastleOnTestVectorPattern(int length) {
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = (byte) (i % 251);
        }
        byte[] expected = reference(input);
        assertThat(Blake3.hash(input)).isEqualTo(expected);
        assertThat(streamed(input, new Random(length))).isEqualTo(expected);
        assertThat(Blake3.hex(input)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void matchesBouncyCastleOnRandomInputsInRandomPieces() {
        Random random = new Random(20240601L);
        for (int round = 0; round < 200; round++) {
            int length = round < 100 ? random.nextInt(5000) : random.nextInt(300_000);
            byte[] input = new byte[length];
            random.nextBytes(input);
            assertThat(streamed(input, random)).as("length %d", length).isEqualTo(reference(input));
        }
    }

    @Test
    void matchesBouncyCastleOnMultiMegabyteStream() {
        Random random = new Random(7);
        byte[] input = new byte[5 * 1024 * 1024 + 77];
        random.nextBytes(input);
        assertThat(streamed(input, random)).isEqualTo(reference(input));
        assertThat(Blake3.hash(input)).isEqualTo(reference(input));
    }

    @Test
    void byteBufferUpdatesMatchArrayUpdates() {
        byte[] input = new byte[10_000];
        new Random(3).nextBytes(input);
        ByteBuffer heap = ByteBuffer.wrap(input, 5, 9000).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
        byte[] expected = Blake3.newHasher().update(input, 5, 9000).digest();
        assertThat(Blake3.newHasher().update(heap).digest()).isEqualTo(expected);
        assertThat(heap.hasRemaining()).isFalse();
        assertThat(Blake3.newHasher().update(direct).digest()).isEqualTo(Blake3.hash(input));
        assertThat(direct.hasRemaining()).isFalse();
    }

    @Test
    void hexAndPrefixedFormat() {
        byte[] input = "gatos".getBytes(StandardCharsets.UTF_8);
        String hex = Blake3.hex(input);
        assertThat(hex).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(hex).isEqualTo(HexFormat.of().formatHex(Blake3.hash(input)));
        assertThat(Blake3.prefixed(input)).isEqualTo("blake3:" + hex);
        assertThat(Blake3.prefixed(new byte[0])).isEqualTo("blake3:" + EMPTY);
    }

    @Test
    void hasherCannotBeReusedAfterDigest() {
        Blake3 hasher = Blake3.newHasher().update(new byte[] {1, 2, 3});
        assertThat(hasher.digest()).hasSize(32);
        assertThatThrownBy(hasher::digest).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> hasher.update(new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsOutOfRangeSlices() {
        Blake3 hasher = Blake3.newHasher();
        assertThatThrownBy(() -> hasher.update(new byte[4], 3, 2))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> hasher.update(new byte[4], -1, 1))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(hasher.update(new byte[4], 4, 0).digest()).isEqualTo(Blake3.hash(new byte[0]));
    }

    /** Feeds {@code input} in pieces of 0 to 3000 bytes, favouring sizes around block boundaries. */
    private static byte[] streamed(byte[] input, Random random) {
        Blake3 hasher = Blake3.newHasher();
        int off = 0;
        while (off < input.length) {
            int piece = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(3);
                case 1 -> 63 + random.nextInt(3);
                case 2 -> random.nextInt(200);
                default -> random.nextInt(3000);
            };
            int len = Math.min(piece, input.length - off);
            hasher.update(input, off, len);
            off += len;
        }
        return hasher.digest();
    }

    private static byte[] reference(byte[] input) {
        Blake3Digest digest = new Blake3Digest(256);
        assertThat(digest.getDigestSize()).isEqualTo(32);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
