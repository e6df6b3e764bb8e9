package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a single-file Java program in a fresh JVM on a class path of our choosing, the way a host
 * application loads {@code target/gatos-jdbc.jar}, and captures what it prints.
 */
final class JarProbe {
    /** The driver jar that {@code mvn package} writes. */
    static final Path JAR = Path.of("target", "gatos-jdbc.jar").toAbsolutePath();

    private JarProbe() {
    }

    /** What the program printed: standard output and standard error, line by line. */
    record Output(int exitCode, List<String> out, List<String> err) {
        /** Returns both streams, for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
        }
    }

    /**
     * Writes {@code source} to {@code dir/<className>.java} and runs it with {@code java -cp classPath}
     * (the launcher compiles it against the same class path), waiting at most two minutes.
     */
    static Output run(Path dir, String className, String source, List<Path> classPath, List<String> args)
            throws IOException, InterruptedException {
        assertThat(JAR).as("run mvn package first").exists();
        Path file = Files.writeString(dir.resolve(className + ".java"), source);
        Path err = dir.resolve(className + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(file.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish in 120 s; it printed:\n" + out);
        }
        return new Output(p.exitValue(), out.lines().toList(), Files.readAllLines(err));
    }
}
