package io.gatos.sql.writer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Collects blob ids under slash-separated paths and formats the nested Git trees bottom-up, with
 * entries in git's canonical order (byte order of names, a subtree sorting as {@code name/}).
 */
final class TreeBuilder {
    /** Inserts one formatted tree and returns its id. */
    @FunctionalInterface
    interface TreeSink {
        ObjectId insert(byte[] formattedTree) throws IOException;
    }

    private final Map<String, Object> entries = new HashMap<>();

    /** Adds {@code blob} at {@code path}; throws IllegalArgumentException on an empty segment or a clash. */
    void add(String path, ObjectId blob) {
        String[] parts = path.split("/", -1);
        TreeBuilder dir = this;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = dir.entries.computeIfAbsent(checkName(parts[i], path), k -> new TreeBuilder());
            if (!(child instanceof TreeBuilder sub)) {
                throw new IllegalArgumentException("path clashes with a file: " + path);
            }
            dir = sub;
        }
        String leaf = checkName(parts[parts.length - 1], path);
        if (dir.entries.putIfAbsent(leaf, blob) != null) {
            throw new IllegalArgumentException("duplicate path: " + path);
        }
    }

    private static String checkName(String name, String path) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad path: " + path);
        }
        return name;
    }

    /** Inserts this tree and its subtrees through {@code sink}; returns this tree's id. */
    ObjectId insert(TreeSink sink) throws IOException {
        List<String> names = new ArrayList<>(entries.keySet());
        names.sort((a, b) -> compareGitOrder(a, entries.get(a), b, entries.get(b)));
        TreeFormatter fmt = new TreeFormatter();
        for (String name : names) {
            Object value = entries.get(name);
            if (value instanceof TreeBuilder sub) {
                fmt.append(name, FileMode.TREE, sub.insert(sink));
            } else {
                fmt.append(name, FileMode.REGULAR_FILE, (ObjectId) value);
            }
        }
        return sink.insert(fmt.toByteArray());
    }

    private static int compareGitOrder(String a, Object va, String b, Object vb) {
        byte[] x = sortKey(a, va);
        byte[] y = sortKey(b, vb);
        return Arrays.compareUnsigned(x, y);
    }

    private static byte[] sortKey(String name, Object value) {
        String key = value instanceof TreeBuilder ? name + "/" : name;
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
