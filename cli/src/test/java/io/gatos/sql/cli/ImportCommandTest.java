package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.materialize.ndjson.EventLine;
import io.gatos.sql.testing.LedgerTestRepository;

import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class ImportCommandTest {
    private static final String REF = "refs/gatos/journal/orders/alice";

    @TempDir Path dir;
    private LedgerTestRepository source;
    private LedgerTestRepository target;

    @BeforeEach
    void setUp() {
        source = LedgerTestRepository.create(dir.resolve("source"));
        target = LedgerTestRepository.create(dir.resolve("target"));
        for (int i = 0; i < 3; i++) {
            source.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
        }
    }

    @AfterEach
    void tearDown() {
        source.close();
        target.close();
    }

    @Test
    void importsAFileAndPrintsTheSummary() throws IOException {
        Path input = write(String.join("\n", lines()) + "\n");

        Cli cli = Cli.run("import", "--repo", target.path().toString(), "--input", input.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).matches("Imported 3 events into 1 streams in \\d+\\.\\d{3} s\\R");
        assertThat(target.commitAt(REF).getId()).isEqualTo(source.commitAt(REF).getId());
    }

    @Test
    void aLineLongerThanMaxLineBytesAbortsNamingItAndALargerMaximumImportsIt() throws IOException {
        Path input = write(String.join("\n", lines()) + "\n");

        Cli tooLong = Cli.run("import", "--repo", target.path().toString(), "--input", input.toString(),
                "--max-line-bytes", "100");
        Cli zero = Cli.run("import", "--repo", target.path().toString(), "--input", input.toString(),
                "--max-line-bytes", "0");
        Cli ok = Cli.run("import", "--repo", target.path().toString(), "--input", input.toString(),
                "--max-line-bytes", "100000");

        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err()).contains("line 1: the line is longer than 100 bytes").contains("--max-line-bytes");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(ok.exitCode()).isZero();
    }

    @Test
    void anUnreadableEnvelopeIsImportedWithAWarningNamingItsLine() throws IOException {
        source.writer().appendRawEvent("broken", "eve", "broken.event", "not json".getBytes(StandardCharsets.UTF_8),
                java.time.Instant.parse("2026-01-02T00:00:00Z"));
        Path ndjson = dir.resolve("all.ndjson");
        Cli export = Cli.run("export", "--repo", source.path().toString(), "--format", "ndjson", "--output",
                ndjson.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();

        Cli cli = Cli.run("import", "--repo", target.path().toString(), "--input", ndjson.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Imported 4 events into 2 streams in ");
        assertThat(cli.err()).contains("warning: line ").contains("unreadable envelope")
                .contains("refs/gatos/journal/broken/eve");
        String broken = "refs/gatos/journal/broken/eve";
        assertThat(target.commitAt(broken).getId()).isEqualTo(source.commitAt(broken).getId());
    }

    @Test
    void readsStandardInputByDefaultAndGzipIsDetected() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write((String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        java.io.InputStream stdin = System.in;
        Cli cli;
        try {
            System.setIn(new java.io.ByteArrayInputStream(gz.toByteArray()));
            cli = Cli.run("import", "--repo", target.path().toString());
        } finally {
            System.setIn(stdin);
        }

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Imported 3 events into 1 streams in ");
        assertThat(target.commitAt(REF).getId()).isEqualTo(source.commitAt(REF).getId());
    }

    @Test
    void emptyInputImportsNothingAndExitsZero() throws IOException {
        Cli cli = Cli.run("import", "--repo", target.path().toString(), "--input", write("").toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Imported 0 events into 0 streams in ");
    }

    @Test
    void anAbortedImportExitsOneNamingTheLine() throws IOException {
        List<String> lines = lines();
        Path input = write(lines.get(0) + "\nnot json\n");

        Cli cli = Cli.run("import", "--repo", target.path().toString(), "--input", input.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("gatos import: aborted, no ref moved: line 2: malformed line: not JSON");
        assertThat(target.repository().exactRef(REF)).isNull();
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(Cli.run("import", "--input", write("").toString()).exitCode()).isEqualTo(2);
        Cli missingRepo = Cli.run("import", "--repo", dir.resolve("nope").toString(), "--input", write("").toString());
        assertThat(missingRepo.exitCode()).isEqualTo(2);
        assertThat(missingRepo.err()).contains("no such repository");
        Files.createDirectories(dir.resolve("plain"));
        Cli notGit = Cli.run("import", "--repo", dir.resolve("plain").toString(), "--input", write("").toString());
        assertThat(notGit.exitCode()).isEqualTo(2);
        assertThat(notGit.err()).contains("not a Git repository");
        Cli unreadable = Cli.run("import", "--repo", target.path().toString(), "--input",
                dir.resolve("missing.ndjson").toString());
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("cannot read --input");
    }

    @Test
    void helpDescribesTheCommand() {
        Cli cli = Cli.run("import", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--repo=PATH", "--input=FILE", "Source-Pos", "Exit codes:");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "in", ".ndjson");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Returns the lines of the source journal, built from its real commits as the export would. */
    private List<String> lines() throws IOException {
        List<RevCommit> chain = new ArrayList<>();
        for (RevCommit c = source.commitAt(REF); ; c = source.commitAt(c.getParent(0).name())) {
            chain.add(c);
            if (c.getParentCount() == 0) {
                break;
            }
        }
        Collections.reverse(chain);
        List<String> lines = new ArrayList<>();
        try (ObjectReader reader = source.repository().newObjectReader()) {
            for (int pos = 0; pos < chain.size(); pos++) {
                RevCommit c = chain.get(pos);
                byte[] envelope;
                try (TreeWalk tw = TreeWalk.forPath(reader, "message/envelope.json", c.getTree())) {
                    envelope = reader.open(tw.getObjectId(0)).getBytes();
                }
                String ulid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(envelope).get("ulid").asText();
                EventLine.Meta meta = new EventLine.Meta(REF, "user:alice", null, null, null, null, envelope,
                        header(c, "author"), header(c, "committer"), c.getFullMessage());
                lines.add(new EventLine(ulid, "orders/alice", "order.created", pos, c.name(), null, meta, null)
                        .toJson());
            }
        }
        return lines;
    }

    private static String header(RevCommit c, String name) {
        for (String l : new String(c.getRawBuffer(), StandardCharsets.UTF_8).split("\n")) {
            if (l.startsWith(name + " ")) {
                return l.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name);
    }
}
