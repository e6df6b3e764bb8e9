package io.gatos.sql.materialize.files;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declares one dataset of a file schema: which files hold it (a file-name pattern), how to read
 * them, its typed columns and the DATE or TIMESTAMP column that partitions it by year and month.
 *
 * @param name the dataset name: the table name under {@code --source} and the output directory when converting
 * @param files the file-name pattern: {@code *} matches any characters, {@code {date}} a yyyyMMdd date
 * @param format how the files are read
 * @param rows for JSON, the JSON Pointer of the array whose objects are the rows ({@code ""}: the document)
 * @param partitionBy the column whose UTC year and month partition converted files, or null
 * @param columns the columns, in output order
 */
public record FileDataset(String name, String files, FileFormat format, String rows, String partitionBy,
        List<FileColumn> columns) {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** Checks the parts and copies the column list. */
    public FileDataset {
        requireNonNull(name, "name");
        requireNonNull(files, "files");
        requireNonNull(format, "format");
        columns = List.copyOf(columns);
    }

    /** Tells whether a file named {@code fileName} belongs to this dataset. */
    public boolean matches(String fileName) {
        return regex().matcher(fileName).matches();
    }

    /** Returns the date the name of a matching file carries in {@code {date}}, or null when the pattern has none. */
    public LocalDate nameDate(String fileName) {
        Matcher m = regex().matcher(fileName);
        if (!m.matches() || m.groupCount() == 0) {
            return null;
        }
        return LocalDate.parse(m.group(1), BASIC);
    }

    /** Returns the position of column {@code column}, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the file-name pattern as a regular expression; {@code {date}} is its only group. */
    Pattern regex() {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < files.length()) {
            if (files.startsWith("{date}", i)) {
                re.append("(\\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))");
                i += "{date}".length();
            } else if (files.charAt(i) == '*') {
                re.append(".*");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(files.charAt(i))));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }
}
