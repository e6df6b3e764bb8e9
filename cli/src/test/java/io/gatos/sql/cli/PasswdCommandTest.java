package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.server.auth.PasswordHash;
import io.gatos.sql.server.auth.UsersFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

class PasswdCommandTest {
    @TempDir Path temp;

    /** Passwords the fake terminal hands out, in order; then it reports the end of input. */
    private final Deque<String> typed = new ArrayDeque<>();

    private final List<String> prompts = new ArrayList<>();

    @Test
    void addsAUserFromStandardInput() throws IOException {
        Path file = temp.resolve("users.txt");

        Cli cli = stdin("s3cret\n", "--users", file.toString(), "--password-stdin", "alice");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("added user alice to " + file + System.lineSeparator());
        assertThat(cli.err()).isEmpty();
        assertThat(verifies(file, "alice", "s3cret")).isTrue();
        assertThat(verifies(file, "alice", "s3cret\n")).isFalse();
        assertThat(Files.readString(file)).doesNotContain("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void readsOnlyTheFirstLineWithoutItsCarriageReturn() throws IOException {
        Path file = temp.resolve("users.txt");

        Cli cli = stdin("pâté 1\r\nsecond\n", "--users", file.toString(), "--password-stdin", "a");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(verifies(file, "a", "pâté 1")).isTrue();
        assertThat(Files.readString(file)).doesNotContain("pâté", "second");
    }

    @Test
    void acceptsAPasswordWithoutLineEnd() throws IOException {
        Path file = temp.resolve("users.txt");

        assertThat(stdin("no-newline", "--users", file.toString(), "--password-stdin", "a")
                        .exitCode())
                .isZero();
        assertThat(verifies(file, "a", "no-newline")).isTrue();
    }

    @Test
    void updatesAUserInPlace() throws IOException {
        Path file = temp.resolve("users.txt");
        add(file, "alice", "old-pw");
        add(file, "bob", "bob-pw");

        Cli cli = stdin("new-pw\n", "--users", file.toString(), "--password-stdin", "alice");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("updated user alice in " + file + System.lineSeparator());
        assertThat(verifies(file, "alice", "new-pw")).isTrue();
        assertThat(verifies(file, "alice", "old-pw")).isFalse();
        assertThat(verifies(file, "bob", "bob-pw")).isTrue();
        assertThat(Files.readAllLines(file))
                .hasSize(3)
                .satisfies(lines -> assertThat(lines.get(1)).startsWith("alice:pbkdf2-sha256$"))
                .satisfies(lines -> assertThat(lines.get(2)).startsWith("bob:pbkdf2-sha256$"));
        assertThat(Files.readString(file)).doesNotContain("new-pw", "old-pw", "bob-pw");
    }

    @Test
    void deletesAUser() throws IOException {
        Path file = temp.resolve("users.txt");
        add(file, "alice", "a-pw");
        add(file, "bob", "b-pw");

        Cli cli = stdin("", "--users", file.toString(), "--delete", "alice");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("deleted user alice from " + file + System.lineSeparator());
        assertThat(UsersFile.read(file).users()).containsExactly("bob");
    }

    @Test
    void failsWith2DeletingAnUnknownUser() throws IOException {
        Path file = temp.resolve("users.txt");
        add(file, "alice", "a-pw");
        String before = Files.readString(file);

        Cli cli = stdin("", "--users", file.toString(), "--delete", "carol");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith("gatos passwd: no user carol in " + file + " (its users: alice)");
        assertThat(cli.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void failsWith2DeletingFromAMissingFile() {
        Path file = temp.resolve("none.txt");

        Cli cli = stdin("", "--users", file.toString(), "--delete", "alice");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no users file at " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void failsWith2WithoutTerminalOrPasswordStdin() {
        Path file = temp.resolve("users.txt");

        Cli cli = stdin("s3cret\n", "--users", file.toString(), "alice");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos passwd: no terminal").contains("--password-stdin");
        assertThat(file).doesNotExist();
    }

    @Test
    void failsWith2ForAnEmptyPassword() {
        Path file = temp.resolve("users.txt");

        for (String input : new String[] {"", "\n", "\r\n"}) {
            Cli cli = stdin(input, "--users", file.toString(), "--password-stdin", "alice");

            assertThat(cli.exitCode()).as(input).isEqualTo(2);
            assertThat(cli.err()).as(input).startsWith("gatos passwd: the password is empty");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void failsWith2ForStandardInputThatIsNotUtf8() {
        Path file = temp.resolve("users.txt");
        PasswdCommand command = command(new byte[] {'a', (byte) 0xff, '\n'});

        Cli cli = execute(command, "--users", file.toString(), "--password-stdin", "alice");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("not UTF-8");
        assertThat(file).doesNotExist();
    }

    @Test
    void asksTwiceOnTheTerminal() throws IOException {
        Path file = temp.resolve("users.txt");
        typed.addAll(List.of("typed-pw", "typed-pw"));

        Cli cli = terminal("--users", file.toString(), "alice");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(prompts).containsExactly("New password for alice: ", "Retype the password: ");
        assertThat(verifies(file, "alice", "typed-pw")).isTrue();
    }

    @Test
    void failsWith2WhenTheTypedPasswordsDiffer() {
        Path file = temp.resolve("users.txt");
        typed.addAll(List.of("typed-pw", "typo-pw"));

        Cli cli = terminal("--users", file.toString(), "alice");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("the two passwords differ");
        assertThat(file).doesNotExist();
    }

    @Test
    void failsWith2AtTheEndOfTerminalInput() {
        Path file = temp.resolve("users.txt");

        Cli first = terminal("--users", file.toString(), "alice");
        typed.add("typed-pw");
        Cli second = terminal("--users", file.toString(), "alice");

        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.err()).contains("no password read");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("the two passwords differ");
        assertThat(file).doesNotExist();
    }

    @Test
    void failsWith2ForAMalformedFileLeavingItAlone() throws IOException {
        Path file = Files.writeString(temp.resolve("users.txt"), "# users\nalice:hunter2\n");

        Cli cli = stdin("s3cret\n", "--users", file.toString(), "--password-stdin", "bob");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith("gatos passwd: " + file + " line 2: ")
                .contains("plain-text passwords are not accepted");
        assertThat(Files.readString(file)).isEqualTo("# users\nalice:hunter2\n");
    }

    @Test
    void failsWith2ForAnInvalidUserName() {
        Path file = temp.resolve("users.txt");

        Cli cli = stdin("s3cret\n", "--users", file.toString(), "--password-stdin", "al:ice");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos passwd: invalid user name 'al:ice'");
        assertThat(file).doesNotExist();
    }

    @Test
    void failsWith1WhenTheFileCannotBeWritten() {
        Path file = temp.resolve("missing").resolve("users.txt");

        Cli cli = stdin("s3cret\n", "--users", file.toString(), "--password-stdin", "alice");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("gatos passwd: cannot write users file " + file);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void documentsItselfWithExitCodesAndExamples() {
        Cli cli = stdin("", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .startsWith("Usage: passwd")
                .contains("--users=FILE", "--password-stdin", "--delete", "USER")
                .contains("Exit codes:", "Examples:", "gatos passwd --users users.txt alice");
    }

    private void add(Path file, String user, String password) {
        Cli cli = stdin(password + "\n", "--users", file.toString(), "--password-stdin", user);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    private static boolean verifies(Path file, String user, String password) {
        String hash = UsersFile.read(file).hashOf(user).orElseThrow();
        return PasswordHash.verify(password.toCharArray(), hash);
    }

    private Cli stdin(String input, String... args) {
        return execute(command(input.getBytes(UTF_8)), args);
    }

    private Cli terminal(String... args) {
        PasswdCommand command = command(new byte[0]);
        command.terminal =
                prompt -> {
                    prompts.add(prompt);
                    return typed.isEmpty() ? null : typed.removeFirst().toCharArray();
                };
        return execute(command, args);
    }

    private static PasswdCommand command(byte[] input) {
        PasswdCommand command = new PasswdCommand();
        command.in = new ByteArrayInputStream(input);
        command.terminal = null; // as under a build tool, whatever runs the tests
        return command;
    }

    private static Cli execute(PasswdCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                new CommandLine(command)
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(Arrays.copyOf(args, args.length));
        return new Cli(code, out.toString(), err.toString());
    }
}
