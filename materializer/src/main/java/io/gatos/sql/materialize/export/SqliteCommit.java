package io.gatos.sql.materialize.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.CommitFaults;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a finished SQLite export and its manifest into place through a commit record
 * {@code <out>.commit.json} naming both temporary files: the record is written (synced, renamed)
 * before the first rename and removed after the last, so a run killed between the renames is
 * finished by {@link #finish} in the next run. Callers hold the output lock.
 */
final class SqliteCommit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqliteCommit() {
    }

    /** Returns the commit record of export {@code out}. */
    static Path recordOf(Path out) {
        return AtomicFiles.sibling(out, ".commit.json");
    }

    /** Returns whether a run on {@code out} was killed after its commit point and is not finished yet. */
    static boolean pending(Path out) {
        return Files.exists(recordOf(out));
    }

    /** Commits {@code file} and {@code manifest} (complete, synced temporary files beside {@code out}). */
    static void commit(Path out, Path file, Path manifest) throws IOException {
        ObjectNode record = JSON.createObjectNode()
                .put("file", file.getFileName().toString())
                .put("manifest", manifest.getFileName().toString());
        Path tmp = AtomicFiles.sibling(recordOf(out), ".tmp");
        CommitFaults.step("commit record");
        Files.writeString(tmp, record.toString(), StandardCharsets.UTF_8);
        AtomicFiles.sync(tmp);
        CommitFaults.step("rename commit record");
        Files.move(tmp, recordOf(out), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        finish(out);
    }

    /**
     * Applies the renames a commit record of {@code out} still lists (a temporary file that is gone
     * was moved already), then removes the record; returns whether there was one.
     */
    static boolean finish(Path out) throws IOException {
        Path record = recordOf(out);
        if (!Files.exists(record)) {
            return false;
        }
        JsonNode commit = JSON.readTree(record.toFile());
        Path file = temporary(out, commit.path("file").asText(), record);
        Path manifest = temporary(out, commit.path("manifest").asText(), record);
        if (Files.exists(file)) {
            CommitFaults.step("rename file");
            AtomicFiles.replace(file, out);
        }
        if (Files.exists(manifest)) {
            CommitFaults.step("rename manifest");
            AtomicFiles.replace(manifest, ExportManifestFile.pathOf(out));
        }
        CommitFaults.step("delete commit record");
        Files.delete(record);
        return true;
    }

    /** Resolves a name of the record, which must be a temporary file of this export (never another file). */
    private static Path temporary(Path out, String name, Path record) throws IOException {
        if (!StaleFiles.isTemporary(out, name)) {
            throw new IOException("the commit record " + record + " names " + (name.isEmpty() ? "no file" : name)
                    + ", not a temporary file of this export; remove the record and run with --full");
        }
        return out.resolveSibling(name);
    }
}
