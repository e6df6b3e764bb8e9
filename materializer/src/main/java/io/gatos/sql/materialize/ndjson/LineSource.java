package io.gatos.sql.materialize.ndjson;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the lines of an import input once, front to back (pipes, FIFOs and {@code /dev/stdin}
 * included: it never seeks nor asks for the size), detecting gzip by its magic bytes. Holds at most
 * one line of at most {@code maxLineBytes} bytes (after gzip) plus a 64 KiB buffer; a longer line,
 * bytes that are not UTF-8 and a broken gzip stream are reported with their line number.
 */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final long maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private byte[] line = new byte[8192];
    private long lineNo;

    private LineSource(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Opens {@code in} as strict UTF-8 lines of at most {@code maxLineBytes}, through gzip when it
     * starts with the gzip magic bytes.
     */
    static LineSource open(InputStream in, long maxLineBytes) throws IOException, ImportException {
        BufferedInputStream buffered = new BufferedInputStream(new NoAvailable(in), BUFFER);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream raw = buffered;
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                raw = new GZIPInputStream(buffered, BUFFER);
            } catch (EOFException e) {
                throw new ImportException(0, "truncated gzip input: it ends after 0 lines");
            }
        }
        return new LineSource(raw, maxLineBytes);
    }

    /** Returns the next line without its line break (counting it), or null at the end of the input. */
    String next() throws IOException, ImportException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int end = pos;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            length = append(length, end - pos);
            boolean newline = end < limit;
            pos = newline ? end + 1 : end;
            if (newline) {
                break;
            }
        }
        lineNo++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(lineNo, "the line is not UTF-8");
        }
    }

    /** Copies {@code n} buffered bytes to the line, refusing to grow it past the maximum. */
    private int append(int length, int n) throws ImportException {
        long needed = (long) length + n;
        if (needed > maxLineBytes) {
            throw new ImportException(lineNo + 1, "the line is longer than " + maxLineBytes + " bytes, the most an"
                    + " import holds in memory; raise --max-line-bytes if the input is right");
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(needed, 2L * line.length), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(buffer, pos, line, length, n);
        return (int) needed;
    }

    private boolean fill() throws IOException, ImportException {
        int n;
        try {
            n = in.read(buffer, 0, BUFFER);
        } catch (EOFException e) {
            throw new ImportException(0, "truncated gzip input: it ends after " + lineNo + " lines");
        } catch (ZipException e) {
            throw new ImportException(0, "corrupt gzip input after " + lineNo + " lines: " + e.getMessage());
        }
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** Returns the 1-based number of the last line returned (0 before the first). */
    long lineNo() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Answers 1 to {@code available()} without asking the source: a file channel's stream asks a pipe
     * for its position there ("Illegal seek"), and a pipe may be empty for a moment between two gzip
     * members. Gzip is the only caller: it then always looks for a further member, and ends cleanly
     * when there is none.
     */
    private static final class NoAvailable extends FilterInputStream {
        NoAvailable(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 1;
        }
    }
}
