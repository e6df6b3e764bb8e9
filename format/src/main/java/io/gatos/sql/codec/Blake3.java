package io.gatos.sql.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Computes BLAKE3-256 digests (plain hash mode, 32-byte output) of input fed in pieces of any
 * size, at the cost of one 7-round compression per 64-byte block plus one per parent node, under
 * 2 KB of state however long the input and no allocation per update; not thread-safe, and a hasher
 * must not be reused after {@link #digest()}.
 */
public final class Blake3 {
    private static final int BLOCK_LEN = 64;
    private static final int BLOCKS_PER_CHUNK = 16;
    private static final int CHUNK_START = 1;
    private static final int CHUNK_END = 2;
    private static final int PARENT = 4;
    private static final int ROOT = 8;
    /** Inputs below 2^64 bytes have under 2^54 chunks, so the stack never holds more. */
    private static final int MAX_DEPTH = 54;
    private static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
        0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
    };
    private static final VarHandle LE_INT =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int[] cv = IV.clone();
    private final int[] cvStack = new int[MAX_DEPTH * 8];
    private final int[] words = new int[16];
    private final byte[] block = new byte[BLOCK_LEN];
    private int stackSize;
    private int blockLen;
    private int blocksCompressed;
    private long chunkCounter;
    private boolean finished;

    private Blake3() {
    }

    /** Returns a fresh hasher in plain hash mode with a 32-byte output. */
    public static Blake3 newHasher() {
        return new Blake3();
    }

    /** Returns the 32-byte BLAKE3 digest of {@code bytes}. */
    public static byte[] hash(byte[] bytes) {
        return newHasher().update(bytes).digest();
    }

    /** Returns the BLAKE3-256 digest of {@code bytes} as 64 lowercase hex characters. */
    public static String hex(byte[] bytes) {
        byte[] digest = hash(bytes);
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >>> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    /** Returns {@code "blake3:"} followed by {@link #hex(byte[])} of {@code bytes}. */
    public static String prefixed(byte[] bytes) {
        return "blake3:" + hex(bytes);
    }

    /** Absorbs all of {@code bytes} and returns this hasher. */
    public Blake3 update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    /** Absorbs {@code len} bytes of {@code bytes} from index {@code off}; returns this hasher. */
    public Blake3 update(byte[] bytes, int off, int len) {
        checkNotFinished();
        if (off < 0 || len < 0 || off > bytes.length - len) {
            throw new IndexOutOfBoundsException(
                "off=" + off + " len=" + len + " length=" + bytes.length);
        }
        while (len > 0) {
            if (blockLen == BLOCK_LEN) {
                compressBlock(block, 0);
                blockLen = 0;
            }
            if (blockLen == 0) {
                // Whole blocks straight from the input; the final one (maybe the last) is buffered.
                for (; len > BLOCK_LEN; off += BLOCK_LEN, len -= BLOCK_LEN) {
                    compressBlock(bytes, off);
                }
            }
            int take = Math.min(BLOCK_LEN - blockLen, len);
            System.arraycopy(bytes, off, block, blockLen, take);
            blockLen += take;
            off += take;
            len -= take;
        }
        return this;
    }

    /** Absorbs the remaining bytes of {@code buf}, advancing its position; returns this hasher. */
    public Blake3 update(ByteBuffer buf) {
        if (buf.hasArray()) {
            int n = buf.remaining();
            update(buf.array(), buf.arrayOffset() + buf.position(), n);
            buf.position(buf.position() + n);
            return this;
        }
        byte[] tmp = new byte[Math.min(buf.remaining(), 8192)];
        while (buf.hasRemaining()) {
            int n = Math.min(buf.remaining(), tmp.length);
            buf.get(tmp, 0, n);
            update(tmp, 0, n);
        }
        return this;
    }

    /** Finishes and returns the 32-byte digest; the hasher cannot be updated or digested again. */
    public byte[] digest() {
        checkNotFinished();
        finished = true;
        Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
        loadWords(block, 0);
        int flags = CHUNK_END | (blocksCompressed == 0 ? CHUNK_START : 0);
        if (stackSize == 0) {
            compress(cv, words, chunkCounter, blockLen, flags | ROOT, cv);
        } else {
            compress(cv, words, chunkCounter, blockLen, flags, cv);
            while (stackSize > 1) {
                mergeTop(cv, 0);
            }
            mergeTop(cv, ROOT);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            LE_INT.set(out, 4 * i, cv[i]);
        }
        return out;
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("Blake3 hasher already digested");
        }
    }

    /** Compresses a block known not to be the input's last, closing the chunk after its 16th. */
    private void compressBlock(byte[] src, int off) {
        loadWords(src, off);
        int flags = blocksCompressed == 0 ? CHUNK_START : 0;
        if (++blocksCompressed < BLOCKS_PER_CHUNK) {
            compress(cv, words, chunkCounter, BLOCK_LEN, flags, cv);
            return;
        }
        compress(cv, words, chunkCounter, BLOCK_LEN, flags | CHUNK_END, cv);
        chunkCounter++;
        // Each trailing zero bit of the chunk count marks a completed subtree to merge.
        for (long total = chunkCounter; (total & 1) == 0; total >>>= 1) {
            mergeTop(cv, 0);
        }
        System.arraycopy(cv, 0, cvStack, 8 * stackSize++, 8);
        System.arraycopy(IV, 0, cv, 0, 8);
        blocksCompressed = 0;
    }

    /** Pops the stack top as left child and replaces {@code right} with their parent's value. */
    private void mergeTop(int[] right, int extraFlags) {
        stackSize--;
        System.arraycopy(cvStack, 8 * stackSize, words, 0, 8);
        System.arraycopy(right, 0, words, 8, 8);
        compress(IV, words, 0, BLOCK_LEN, PARENT | extraFlags, right);
    }

    private void loadWords(byte[] src, int off) {
        for (int i = 0; i < 16; i++) {
            words[i] = (int) LE_INT.get(src, off + 4 * i);
        }
    }

    /** BLAKE3 compression truncated to 8 output words; {@code out} may alias {@code h}. */
    private static void compress(int[] h, int[] m, long counter, int len, int flags, int[] out) {
        int v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        int v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
        int v12 = (int) counter, v13 = (int) (counter >>> 32), v14 = len, v15 = flags;
        int m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6];
        int m7 = m[7], m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11], m12 = m[12];
        int m13 = m[13], m14 = m[14], m15 = m[15];
        for (int round = 0; round < 7; round++) {
            // Columns.
            v0 += v4 + m0; v12 = rotr(v12 ^ v0, 16); v8 += v12; v4 = rotr(v4 ^ v8, 12);
            v0 += v4 + m1; v12 = rotr(v12 ^ v0, 8); v8 += v12; v4 = rotr(v4 ^ v8, 7);
            v1 += v5 + m2; v13 = rotr(v13 ^ v1, 16); v9 += v13; v5 = rotr(v5 ^ v9, 12);
            v1 += v5 + m3; v13 = rotr(v13 ^ v1, 8); v9 += v13; v5 = rotr(v5 ^ v9, 7);
            v2 += v6 + m4; v14 = rotr(v14 ^ v2, 16); v10 += v14; v6 = rotr(v6 ^ v10, 12);
            v2 += v6 + m5; v14 = rotr(v14 ^ v2, 8); v10 += v14; v6 = rotr(v6 ^ v10, 7);
            v3 += v7 + m6; v15 = rotr(v15 ^ v3, 16); v11 += v15; v7 = rotr(v7 ^ v11, 12);
            v3 += v7 + m7; v15 = rotr(v15 ^ v3, 8); v11 += v15; v7 = rotr(v7 ^ v11, 7);
            // Diagonals.
            v0 += v5 + m8; v15 = rotr(v15 ^ v0, 16); v10 += v15; v5 = rotr(v5 ^ v10, 12);
            v0 += v5 + m9; v15 = rotr(v15 ^ v0, 8); v10 += v15; v5 = rotr(v5 ^ v10, 7);
            v1 += v6 + m10; v12 = rotr(v12 ^ v1, 16); v11 += v12; v6 = rotr(v6 ^ v11, 12);
            v1 += v6 + m11; v12 = rotr(v12 ^ v1, 8); v11 += v12; v6 = rotr(v6 ^ v11, 7);
            v2 += v7 + m12; v13 = rotr(v13 ^ v2, 16); v8 += v13; v7 = rotr(v7 ^ v8, 12);
            v2 += v7 + m13; v13 = rotr(v13 ^ v2, 8); v8 += v13; v7 = rotr(v7 ^ v8, 7);
            v3 += v4 + m14; v14 = rotr(v14 ^ v3, 16); v9 += v14; v4 = rotr(v4 ^ v9, 12);
            v3 += v4 + m15; v14 = rotr(v14 ^ v3, 8); v9 += v14; v4 = rotr(v4 ^ v9, 7);
            // Message permutation {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8}.
            int t0 = m2, t1 = m6, t2 = m3, t3 = m10, t4 = m7, t5 = m0, t6 = m4, t7 = m13;
            int t8 = m1, t9 = m11, t10 = m12, t11 = m5, t12 = m9, t13 = m14, t14 = m15, t15 = m8;
            m0 = t0; m1 = t1; m2 = t2; m3 = t3; m4 = t4; m5 = t5; m6 = t6; m7 = t7;
            m8 = t8; m9 = t9; m10 = t10; m11 = t11; m12 = t12; m13 = t13; m14 = t14; m15 = t15;
        }
        out[0] = v0 ^ v8; out[1] = v1 ^ v9; out[2] = v2 ^ v10; out[3] = v3 ^ v11;
        out[4] = v4 ^ v12; out[5] = v5 ^ v13; out[6] = v6 ^ v14; out[7] = v7 ^ v15;
    }

    private static int rotr(int x, int n) {
        return Integer.rotateRight(x, n);
    }
}
