package io.gatos.sql.materialize.export;

import java.nio.file.Path;

/** Runs one plain export in its own JVM, for tests that kill it: {@code FORMAT REPO OUT TABLES}. */
final class ExportChild {
    private ExportChild() {
    }

    public static void main(String[] args) {
        Format format = Format.valueOf(args[0]);
        ExportResult result = Exporter.run(new ExportOptions(Path.of(args[1]), Path.of(args[2]),
                java.util.List.of(args[3].split(",")), null, null, null, null, ExportOptions.DEFAULT_BATCH, false, null,
                format));
        System.out.println(result.mode());
        System.exit(0);
    }
}
