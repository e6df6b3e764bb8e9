package io.gatos.sql.materialize.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records (RFC 4180: fields in double quotes may hold commas, line breaks and
 * doubled quotes; lines end with LF or CRLF) one at a time, so memory holds one record. An empty
 * unquoted field reads as null, a quoted empty field as the empty string. Must be closed, which
 * closes the reader.
 */
final class CsvReader implements AutoCloseable {
    private final Reader in;
    private int peeked = -2;
    private long line = 1;
    private long recordLine;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** Returns the line on which the record last returned by {@link #next()} starts (1-based). */
    long recordLine() {
        return recordLine;
    }

    /**
     * Returns the next record, or null at the end of the input; a blank line is a record with one null field.
     *
     * @throws IllegalArgumentException for an unterminated quoted field or text after a closing quote
     */
    List<String> next() throws IOException {
        if (peek() < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            String value;
            int c;
            if (peek() == '"') {
                read();
                value = quoted();
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new IllegalArgumentException("text after a closing quote on line " + line);
                }
            } else {
                StringBuilder field = new StringBuilder();
                c = read();
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    field.append((char) c);
                    c = read();
                }
                value = field.isEmpty() ? null : field.toString();
            }
            fields.add(value);
            if (c != ',') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return fields;
            }
        }
    }

    private String quoted() throws IOException {
        long start = line;
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                throw new IllegalArgumentException("the quoted field opened on line " + start + " is not closed");
            }
            if (c == '"') {
                if (peek() != '"') {
                    return field.toString();
                }
                read();
            }
            field.append((char) c);
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
