import io.gatos.sql.codec.Blake3;
import java.util.Arrays;
import java.util.Random;

/**
 * Compares our BLAKE3 (io.gatos.sql.codec.Blake3) with commons-codec's on the input sizes gatos-sql
 * hashes: a 330-byte envelope (content ids), a 4 KiB row batch (table digests) and an 8 MiB file
 * (Parquet file digests). Prints MB/s of each, best of 5 rounds after a warm-up; checks equal digests.
 * Run by bench/blake3.sh with the built gatos.jar on the class path.
 */
public final class Blake3Bench {
    public static void main(String[] args) {
        System.out.printf("%-10s %12s %14s %7s%n", "input", "ours MB/s", "codec MB/s", "ratio");
        for (int size : new int[] {330, 4096, 8 << 20}) {
            byte[] in = new byte[size];
            new Random(1).nextBytes(in);
            if (!Arrays.equals(Blake3.hash(in), org.apache.commons.codec.digest.Blake3.hash(in))) {
                throw new AssertionError("digests differ at " + size + " bytes");
            }
            int n = (int) Math.max(3, 200_000_000L / size);
            double ours = 0;
            double codec = 0;
            for (int round = 0; round < 6; round++) {
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < n; i++) {
                    sink += Blake3.hash(in)[0];
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += org.apache.commons.codec.digest.Blake3.hash(in)[0];
                }
                long t2 = System.nanoTime();
                if (round > 0) { // round 0 warms both up
                    ours = Math.max(ours, (double) n * size / (t1 - t0) * 1e3);
                    codec = Math.max(codec, (double) n * size / (t2 - t1) * 1e3);
                }
                if (sink == 42) {
                    System.out.print("");
                }
            }
            System.out.printf("%-10d %12.0f %14.0f %6.2fx%n", size, ours, codec, ours / codec);
        }
    }
}
