package io.gatos.sql.materialize.files;

import static java.util.Objects.requireNonNull;

/**
 * Declares one typed column of a file dataset.
 *
 * @param name the column name, a plain identifier
 * @param type the declared type; values that do not fit fail the file
 * @param nullable whether the column may be empty; a missing value in a non-nullable column fails the file
 * @param source where the value comes from: a CSV header, a field of a JSON row, or a JSON Pointer
 *     from the document root when it starts with {@code /}; never null (defaults to the name)
 * @param dateOf the TIMESTAMP or DATE column whose UTC date this DATE column holds, or null
 */
public record FileColumn(String name, FileType type, boolean nullable, String source, String dateOf) {
    /** Checks the parts. */
    public FileColumn {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(source, "source");
    }

    /** Tells whether the value is computed from another column rather than read from the file. */
    public boolean derived() {
        return dateOf != null;
    }

    /** Tells whether the value is read from the whole JSON document rather than from its row. */
    public boolean fromDocument() {
        return source.startsWith("/");
    }
}
