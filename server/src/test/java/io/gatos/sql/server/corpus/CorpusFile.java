package io.gatos.sql.server.corpus;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one corpus file (format in {@code src/test/resources/corpus/README.md}) into its cases and
 * writes it back with new expected blocks, every other line kept as it was. A case is an optional
 * {@code #} comment, a header ({@code query}, {@code query rowsort}, {@code error}), the SQL on one or
 * more lines, a {@code ----} line and the expected block; a blank line ends it. Immutable.
 *
 * @param name  the file's name, for reports
 * @param lines the file's lines
 * @param cases the cases, in file order
 */
public record CorpusFile(String name, List<String> lines, List<CorpusCase> cases) {
    /** The line between a case's SQL and its expected block. */
    public static final String SEPARATOR = "----";

    /** Checks and copies the parts. */
    public CorpusFile {
        requireNonNull(name, "name");
        lines = List.copyOf(lines);
        cases = List.copyOf(cases);
    }

    /** Reads and parses {@code path} (UTF-8). */
    public static CorpusFile read(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + path, e);
        }
    }

    /**
     * Parses the lines of a file called {@code name}.
     *
     * @throws IllegalArgumentException naming {@code name:line} and what is wrong there
     */
    public static CorpusFile parse(String name, List<String> lines) {
        List<CorpusCase> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            CorpusCase c = parseCase(name, lines, i);
            cases.add(c);
            i = c.end();
        }
        return new CorpusFile(name, lines, cases);
    }

    private static CorpusCase parseCase(String name, List<String> lines, int header) {
        CorpusCase.Kind kind = CorpusCase.Kind.ofHeader(lines.get(header));
        if (kind == null) {
            throw new IllegalArgumentException(name + ":" + (header + 1) + ": expected a case header (query,"
                    + " query rowsort or error), found: " + lines.get(header));
        }
        int i = header + 1;
        List<String> sql = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals(SEPARATOR)) {
            sql.add(lines.get(i++));
        }
        if (sql.isEmpty()) {
            throw new IllegalArgumentException(name + ":" + (header + 1) + ": the case has no SQL after its header");
        }
        int bodyFrom = i;
        List<String> expected = new ArrayList<>();
        if (i < lines.size() && lines.get(i).equals(SEPARATOR)) {
            i++;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                expected.add(lines.get(i++));
            }
        }
        return new CorpusCase(name, header + 1, kind, String.join("\n", sql), expected, bodyFrom, i);
    }

    /**
     * Returns the file's lines with the expected block of every case in {@code recorded} replaced
     * (written after a {@code ----} line, which is added when the case had none); other lines are
     * kept as they were.
     */
    public List<String> withExpected(Map<CorpusCase, List<String>> recorded) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        for (CorpusCase c : cases) {
            List<String> block = recorded.get(c);
            if (block == null) {
                continue;
            }
            out.addAll(lines.subList(i, c.bodyFrom()));
            out.add(SEPARATOR);
            out.addAll(block);
            i = c.end();
        }
        out.addAll(lines.subList(i, lines.size()));
        return List.copyOf(out);
    }

    /** Writes {@code newLines} to {@code path} (UTF-8, each line ended by a newline). */
    public static void write(Path path, List<String> newLines) {
        try {
            Files.writeString(path, String.join("\n", newLines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corpus file " + path, e);
        }
    }
}
