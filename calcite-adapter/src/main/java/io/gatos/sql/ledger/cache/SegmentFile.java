package io.gatos.sql.ledger.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and writes the segment file format: the row bytes, then a footer holding the
 * {@link SegmentSummary} and the body's length and CRC-32C, then 16 bytes (footer length, footer
 * CRC-32C, magic). Any mismatch (short file, bad magic, bad CRC, inconsistent lengths) is a
 * {@link CorruptSegmentException}, never a wrong row. Pure file I/O; each call opens and closes the file.
 */
public final class SegmentFile {
    private static final long MAGIC = 0x4753514c53454731L; // "GSQLSEG1"
    private static final int TRAILER = 16;

    private SegmentFile() {
    }

    /** Thrown when a segment file is torn or altered. */
    public static final class CorruptSegmentException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptSegmentException(Path file, String reason) {
            super("cache segment " + file.getFileName() + " is damaged (" + reason + ")");
        }
    }

    /** Appends the footer of {@code summary} for a body of {@code bodyLength} bytes with CRC {@code bodyCrc}. */
    static void writeFooter(OutputStream out, SegmentSummary summary, long bodyLength, int bodyCrc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream footer = new DataOutputStream(bytes);
        footer.writeUTF(summary.tip());
        footer.writeBoolean(summary.base() != null);
        footer.writeUTF(summary.base() == null ? "" : summary.base());
        footer.writeLong(summary.depth());
        footer.writeInt(summary.count());
        footer.writeBoolean(summary.full());
        footer.writeLong(summary.minTs());
        footer.writeLong(summary.maxTs());
        footer.writeUTF(summary.minId());
        footer.writeUTF(summary.maxId());
        footer.writeLong(summary.chainMaxTs());
        footer.writeUTF(summary.chainMaxId());
        long[] words = summary.bloom().words();
        footer.writeInt(words.length);
        for (long w : words) {
            footer.writeLong(w);
        }
        footer.writeLong(bodyLength);
        footer.writeInt(bodyCrc);
        footer.flush();
        byte[] f = bytes.toByteArray();
        out.write(f);
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER).putInt(f.length).putInt(crc(f, 0, f.length)).putLong(MAGIC);
        out.write(trailer.array());
    }

    /** Reads the summary of {@code file}, checking the footer (not the body). */
    public static SegmentSummary readSummary(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return footer(file, ch).summary();
        }
    }

    /** Holds a segment's summary and row bytes, read together from one open file. */
    public record Loaded(SegmentSummary summary, byte[] body) {
    }

    /**
     * Reads and checks the whole body of {@code file} with the summary it was written with; costs
     * one read of the file. Use this summary (not one read earlier) to decode the rows: a file of
     * the same name may have been rewritten meanwhile with other bounds.
     */
    public static Loaded read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Footer footer = footer(file, ch);
            byte[] body = new byte[(int) footer.bodyLength()];
            ByteBuffer buf = ByteBuffer.wrap(body);
            while (buf.hasRemaining()) {
                if (ch.read(buf, buf.position()) < 0) {
                    throw new CorruptSegmentException(file, "body cut short");
                }
            }
            if (crc(body, 0, body.length) != footer.bodyCrc()) {
                throw new CorruptSegmentException(file, "body checksum mismatch");
            }
            return new Loaded(footer.summary(), body);
        }
    }

    /** Reads and checks the whole body of {@code file}; costs one read of the file. */
    public static byte[] readBody(Path file) throws IOException {
        return read(file).body();
    }

    private record Footer(SegmentSummary summary, long bodyLength, int bodyCrc) {
    }

    private static Footer footer(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < TRAILER) {
            throw new CorruptSegmentException(file, "shorter than its trailer");
        }
        ByteBuffer trailer = readFully(file, ch, size - TRAILER, TRAILER);
        int footerLength = trailer.getInt();
        int footerCrc = trailer.getInt();
        if (trailer.getLong() != MAGIC || footerLength <= 0 || footerLength > size - TRAILER) {
            throw new CorruptSegmentException(file, "bad trailer");
        }
        ByteBuffer f = readFully(file, ch, size - TRAILER - footerLength, footerLength);
        if (crc(f.array(), 0, footerLength) != footerCrc) {
            throw new CorruptSegmentException(file, "footer checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(f.array()));
        SegmentSummary summary = parse(in);
        long bodyLength = in.readLong();
        int bodyCrc = in.readInt();
        if (bodyLength != size - TRAILER - footerLength) {
            throw new CorruptSegmentException(file, "body length mismatch");
        }
        return new Footer(summary, bodyLength, bodyCrc);
    }

    private static SegmentSummary parse(DataInputStream in) throws IOException {
        String tip = in.readUTF();
        boolean hasBase = in.readBoolean();
        String base = in.readUTF();
        long depth = in.readLong();
        int count = in.readInt();
        boolean full = in.readBoolean();
        long minTs = in.readLong();
        long maxTs = in.readLong();
        String minId = in.readUTF();
        String maxId = in.readUTF();
        long chainMaxTs = in.readLong();
        String chainMaxId = in.readUTF();
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return new SegmentSummary(tip, hasBase ? base : null, depth, count, full, minTs, maxTs, minId, maxId,
                chainMaxTs, chainMaxId, Bloom.of(words));
    }

    private static ByteBuffer readFully(Path file, FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new CorruptSegmentException(file, "cut short");
            }
        }
        return buf.flip();
    }

    static int crc(byte[] bytes, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, off, len);
        return (int) crc.getValue();
    }
}
