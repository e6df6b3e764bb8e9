package io.gatos.sql.materialize.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs polars (its npm package {@code nodejs-polars}, pinned in {@code src/test/polars/}) on a
 * Parquet export: an implementation of Parquet independent of ours and of DuckDB's. The first use
 * installs the package with {@code npm ci} into {@code target/polars/} (CI reaches the npm registry);
 * needs Node.js 18+ and npm on the PATH, and says so when they are missing.
 */
public final class Polars {
    private static final Path SOURCE = Path.of("src/test/polars");
    private static final Path HOME = Path.of("target/polars");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "read.js");

    private Polars() {
    }

    /** Returns what {@code read.js} prints for {@code dataset} and {@code tables} (see the script). */
    public static JsonNode read(Path dataset, List<String> tables) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", "read.js", dataset.toAbsolutePath().toString()));
        command.addAll(tables);
        return new ObjectMapper().readTree(run(command, 120));
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        boolean changed = false;
        for (String file : FILES) {
            Path target = HOME.resolve(file);
            if (!Files.exists(target) || Files.mismatch(SOURCE.resolve(file), target) != -1) {
                Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(HOME.resolve("node_modules/nodejs-polars"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        }
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(HOME.toFile()).redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("this test reads exports with polars and needs Node.js 18+ and npm on"
                    + " the PATH (apt-get install nodejs npm, or nodejs.org); " + command.get(0) + ": "
                    + e.getMessage(), e);
        }
        p.getOutputStream().close();
        var err = new java.io.ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the exit code tells
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took more than " + seconds + " s");
        }
        drain.join();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + err.toString(UTF_8) + out);
        }
        return out;
    }
}
