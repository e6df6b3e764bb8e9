package io.gatos.sql.materialize.ndjson;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads the lines of an import input, detecting gzip by its magic bytes and naming any bad input. */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final BufferedReader reader;
    private long lineNo;

    private LineSource(BufferedReader reader) {
        this.reader = reader;
    }

    /** Opens {@code in} as strict UTF-8, through gzip when it starts with the gzip magic bytes. */
    static LineSource open(InputStream in) throws IOException, ImportException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
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
        return new LineSource(new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                BUFFER));
    }

    /** Returns the next line (counting it), or null at the end of the input. */
    String next() throws IOException, ImportException {
        String text;
        try {
            text = reader.readLine();
        } catch (EOFException e) {
            throw new ImportException(0, "truncated gzip input: it ends after " + lineNo + " lines");
        } catch (ZipException e) {
            throw new ImportException(0, "corrupt gzip input after " + lineNo + " lines: " + e.getMessage());
        } catch (CharacterCodingException e) {
            // decoding runs ahead of the lines returned, so only a lower bound is known
            throw new ImportException(0, "input is not UTF-8: invalid bytes after line " + lineNo);
        }
        if (text != null) {
            lineNo++;
        }
        return text;
    }

    /** Returns the 1-based number of the last line returned (0 before the first). */
    long lineNo() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
