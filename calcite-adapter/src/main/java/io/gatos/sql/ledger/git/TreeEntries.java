package io.gatos.sql.ledger.git;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Finds one entry by name in the raw bytes of a Git tree ({@code <octal mode> <name>\0<20-byte id>}
 * repeated), without building a tree walk: the envelope of every event is two such look-ups. Pure;
 * one pass over the tree's bytes.
 */
final class TreeEntries {
    private static final int ID_LENGTH = 20;

    /**
     * An entry of a tree.
     *
     * @param mode the entry's mode bits ({@link FileMode#TYPE_TREE}, {@link FileMode#TYPE_FILE} ...)
     * @param id the object it names
     */
    record Entry(int mode, ObjectId id) {
        boolean isTree() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        boolean isFile() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
        }
    }

    private TreeEntries() {
    }

    /** Returns the entry named {@code name} in {@code raw}, or null when there is none or the tree is malformed. */
    static Entry find(byte[] raw, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < raw.length) {
            int mode = 0;
            while (at < raw.length && raw[at] != ' ') {
                int digit = raw[at++] - '0';
                if (digit < 0 || digit > 7) {
                    return null;
                }
                mode = mode << 3 | digit;
            }
            int nameStart = ++at;
            while (at < raw.length && raw[at] != 0) {
                at++;
            }
            int idStart = at + 1;
            if (idStart + ID_LENGTH > raw.length) {
                return null;
            }
            if (at - nameStart == wanted.length && regionEquals(raw, nameStart, wanted)) {
                return new Entry(mode, ObjectId.fromRaw(raw, idStart));
            }
            at = idStart + ID_LENGTH;
        }
        return null;
    }

    private static boolean regionEquals(byte[] raw, int from, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (raw[from + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
