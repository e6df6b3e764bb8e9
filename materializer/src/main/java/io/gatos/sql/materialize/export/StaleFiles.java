package io.gatos.sql.materialize.export;

import io.gatos.sql.materialize.manifest.ExportManifestFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds and removes the temporary files that runs on one output left when they were killed: the
 * work copy {@code .<name>.<n>.tmp} (with its SQLite side files), the manifest's
 * {@code .<name>.manifest.json.<n>.tmp} and the commit record's {@code <name>.commit.json.tmp}.
 * Only safe while holding the output lock (no live run then owns such a file). Lists the output's
 * directory once.
 */
final class StaleFiles {
    private StaleFiles() {
    }

    /** Returns whether {@code name} is a temporary file of the file or manifest of export {@code out}. */
    static boolean isTemporary(Path out, String name) {
        return pattern(out).matcher(name).matches();
    }

    /** Returns the manifest temporaries of {@code out} (complete or not), in no particular order. */
    static List<Path> manifestTemporaries(Path out) throws IOException {
        Pattern manifest = Pattern.compile(Pattern.quote("." + ExportManifestFile.pathOf(out).getFileName() + ".")
                + "\\d+\\.tmp");
        List<Path> found = new ArrayList<>();
        for (Path p : list(out)) {
            if (manifest.matcher(p.getFileName().toString()).matches()) {
                found.add(p);
            }
        }
        return found;
    }

    /** Deletes every stale temporary of {@code out}; returns how many files went. */
    static int clean(Path out) throws IOException {
        Pattern any = Pattern.compile("(" + pattern(out).pattern() + ")(-journal|-wal|-shm)?|"
                + Pattern.quote(SqliteCommit.recordOf(out).getFileName() + ".tmp"));
        int n = 0;
        for (Path p : list(out)) {
            if (any.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                Files.deleteIfExists(p);
                n++;
            }
        }
        return n;
    }

    private static Pattern pattern(Path out) {
        String name = out.getFileName().toString();
        return Pattern.compile(Pattern.quote("." + name + ".") + "(manifest\\.json\\.)?\\d+\\.tmp");
    }

    private static List<Path> list(Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(files::add);
            }
        }
        return files;
    }
}
