package io.gatos.sql.materialize.parquet;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads rows of a spill file: a row is its partition, its sort key and its values, each
 * value a tag (null, long, double, string) and its bytes. Strings of any length and every Unicode
 * character survive. Stateless.
 */
final class RowCodec {
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte STRING = 3;

    private RowCodec() {
    }

    /** Writes {@code row} to {@code out}. */
    static void write(DataOutputStream out, SortBuffer.Entry row) throws IOException {
        writeString(out, row.partition());
        writeString(out, row.key());
        out.writeInt(row.values().length);
        for (Object value : row.values()) {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (value instanceof Number n) {
                out.writeByte(LONG);
                out.writeLong(n.longValue());
            } else {
                out.writeByte(STRING);
                writeString(out, value.toString());
            }
        }
    }

    /** Reads the next row of {@code in}, or returns null at the end of the stream. */
    static SortBuffer.Entry read(DataInputStream in) throws IOException {
        String partition;
        try {
            partition = readString(in);
        } catch (EOFException end) {
            return null;
        }
        String key = readString(in);
        Object[] values = new Object[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            byte tag = in.readByte();
            values[i] = switch (tag) {
                case NULL -> null;
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case STRING -> readString(in);
                default -> throw new IOException("corrupt spill file: tag " + tag);
            };
        }
        return new SortBuffer.Entry(partition, key, values);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
