package io.gatos.sql.materialize.files;

import java.util.Locale;

/** Names the file formats a dataset can be read from. */
public enum FileFormat {
    /** Comma-separated values (RFC 4180) with a header line naming the columns. */
    CSV,
    /** One JSON document; its rows are the objects of the array at the dataset's {@code rows} pointer. */
    JSON,
    /** JSON Lines: one object per line; blank lines are skipped. */
    JSONL;

    /** Returns the format named {@code name} in any case, or null when there is none. */
    public static FileFormat named(String name) {
        for (FileFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        return null;
    }

    /** Returns the format a file name's extension implies, or null when the extension is unknown. */
    public static FileFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? null : switch (lower.substring(dot + 1)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSONL;
            default -> null;
        };
    }
}
