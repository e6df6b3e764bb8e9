package io.gatos.sql.materialize.files;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a directory of files mounted as a schema of a query ({@code --source NAME=DIR}).
 *
 * @param name the schema name the query uses ({@code NAME.dataset})
 * @param dir the directory holding the files
 * @param schemaFile the declaration of its datasets; null means {@code DIR/gatos-files.json}
 */
public record FileSource(String name, Path dir, Path schemaFile) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("gatos", "information_schema", "metadata");

    /** Checks the parts. */
    public FileSource {
        requireNonNull(dir, "dir");
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new MaterializeException(Code.BAD_OPTION, "--source " + name + "=" + dir + ": the name must be letters,"
                    + " digits and _ and not gatos (the ledger's schema), information_schema or metadata"
                    + " (its dictionaries)");
        }
    }

    /**
     * Parses {@code NAME=DIR}; {@code schemaFile} may be null.
     *
     * @throws MaterializeException {@code BAD_OPTION} when the value has no {@code =}
     */
    public static FileSource parse(String value, Path schemaFile) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new MaterializeException(Code.BAD_OPTION, "--source '" + value + "' must be NAME=DIR, for example"
                    + " perf=g/reports");
        }
        return new FileSource(value.substring(0, eq), Path.of(value.substring(eq + 1)), schemaFile);
    }

    /**
     * Reads the declaration and returns the Calcite schema of the directory.
     *
     * @throws MaterializeException {@code BAD_OPTION} when the directory or its declaration is missing or invalid
     */
    public FilesSchema open() {
        if (!Files.isDirectory(dir)) {
            throw new MaterializeException(Code.BAD_OPTION, "--source " + name + "=" + dir + ": not a directory;"
                    + " give a directory of CSV/JSON files");
        }
        Path declared = schemaFile != null ? schemaFile : dir.resolve(FileSchema.DEFAULT_NAME);
        if (!Files.isRegularFile(declared)) {
            throw new MaterializeException(Code.BAD_OPTION, "--source " + name + "=" + dir + ": no file schema at "
                    + declared + "; declare the files' columns there or give --schema FILE");
        }
        return new FilesSchema(dir, FileSchema.read(declared));
    }
}
