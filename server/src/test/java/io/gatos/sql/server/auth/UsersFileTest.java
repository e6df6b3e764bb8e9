package io.gatos.sql.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

class UsersFileTest {
    private static String aliceHash;
    private static String bobHash;

    @TempDir Path temp;

    @BeforeAll
    static void hashes() {
        aliceHash = PasswordHash.hash("alice-pw".toCharArray(), 1000);
        bobHash = PasswordHash.hash("bob-pw".toCharArray(), 1000);
    }

    @Test
    void readsWhatItWrote() {
        Path file = temp.resolve("users.txt");

        UsersFile.empty().with("alice", aliceHash).with("bob@example.org", bobHash).write(file);
        UsersFile read = UsersFile.read(file);

        assertThat(read.users()).containsExactly("alice", "bob@example.org");
        assertThat(read.hashOf("alice")).contains(aliceHash);
        assertThat(read.hashOf("bob@example.org")).contains(bobHash);
        assertThat(read.hashOf("carol")).isEmpty();
        assertThat(PasswordHash.verify("alice-pw".toCharArray(), read.hashOf("alice").get()))
                .isTrue();
    }

    @Test
    void writesTheHeaderThenUsersInOrderNewOnesLast() throws IOException {
        Path file = temp.resolve("users.txt");
        Files.writeString(file, "zed:" + bobHash + "\nalice:" + bobHash + "\n");

        UsersFile.read(file).with("alice", aliceHash).with("mallory", bobHash).write(file);

        assertThat(Files.readAllLines(file))
                .containsExactly(
                        "# gatos serve users: user:pbkdf2-sha256$iterations$salt$hash (written by"
                                + " gatos passwd)",
                        "zed:" + bobHash,
                        "alice:" + aliceHash,
                        "mallory:" + bobHash);
    }

    @Test
    void sortsUsersAndRemovesThem() {
        UsersFile users =
                UsersFile.empty().with("zed", aliceHash).with("bob", aliceHash).with("al", bobHash);

        assertThat(users.users()).containsExactly("al", "bob", "zed");
        assertThat(users.without("bob").users()).containsExactly("al", "zed");
        assertThat(users.without("nobody")).isSameAs(users);
        assertThat(users.users()).containsExactly("al", "bob", "zed");
        assertThatThrownBy(() -> users.users().add("eve"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ignoresCommentsBlankLinesAndSurroundingSpace() throws IOException {
        Path file =
                write(
                        "\uFEFF# users of the staging server",
                        "",
                        "   ",
                        "  # indented comment",
                        "alice:" + aliceHash,
                        "\tbob : " + bobHash + "  ",
                        "");

        assertThat(UsersFile.read(file).users()).containsExactly("alice", "bob");
    }

    @Test
    void readsAnEmptyFileAsNoUsers() throws IOException {
        assertThat(UsersFile.read(write()).users()).isEmpty();
    }

    @Test
    void rejectsALineWithoutColonNamingFileAndLine() throws IOException {
        Path file = write("# users", "alice:" + aliceHash, "bob");

        assertError(file, "users.txt line 3: expected user:hash");
    }

    @Test
    void rejectsAPlainTextPasswordWithTheGatosPasswdHint() throws IOException {
        Path file = write("alice:" + aliceHash, "", "bob:hunter2");

        assertThatThrownBy(() -> UsersFile.read(file))
                .isInstanceOf(UsersFileException.class)
                .hasMessageContaining(file + " line 3: ")
                .hasMessageContaining("plain-text passwords are not accepted")
                .hasMessageContaining("gatos passwd --users " + file + " bob")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void rejectsAnEmptyHash() throws IOException {
        assertError(write("alice:"), "users.txt line 1: the password of user 'alice' is not");
    }

    @Test
    void rejectsAMalformedHash() throws IOException {
        Path file = write("alice:" + aliceHash.replace("$1000$", "$lots$"));

        assertError(file, "users.txt line 1: user 'alice': bad iteration count 'lots'");
    }

    @Test
    void rejectsAnInvalidUserName() throws IOException {
        assertError(write("", "al ice:" + aliceHash), "users.txt line 2: invalid user name 'al ice'");
        assertError(write(":" + aliceHash), "users.txt line 1: invalid user name ''");
        assertError(write("x".repeat(65) + ":" + aliceHash), "line 1: invalid user name 'xxx");
    }

    @Test
    void rejectsADuplicateUserWithBothLines() throws IOException {
        Path file = write("alice:" + aliceHash, "bob:" + bobHash, "# again", "alice:" + bobHash);

        assertError(file, "users.txt line 4: user 'alice' is already defined on line 1");
    }

    @Test
    void rejectsAMissingFileWithHowToCreateIt() {
        Path file = temp.resolve("none.txt");

        assertError(file, "no users file at " + file, "gatos passwd --users " + file + " USER");
    }

    @Test
    void rejectsAnUnreadableFile() {
        assertError(temp, "cannot read users file " + temp, "gatos passwd --users");
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(temp.resolve("users.txt"), new byte[] {'a', ':', (byte) 0xff});

        assertError(file, "is not UTF-8 text");
    }

    @Test
    void withChecksTheUserNameAndTheHash() {
        assertThatThrownBy(() -> UsersFile.empty().with("a:b", aliceHash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid user name 'a:b'");
        assertThatThrownBy(() -> UsersFile.empty().with("alice", "hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown password hash scheme");
        assertThat(UsersFile.checkUser("a.b_c-d@e")).isEqualTo("a.b_c-d@e");
    }

    @Test
    void writesTheFileForItsOwnerOnly() throws IOException {
        assumeTrue(posix(), "a POSIX file system");
        Path file = temp.resolve("users.txt");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        UsersFile.empty().with("alice", aliceHash).write(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void replacesTheFileWithoutLeavingTemporaryFiles() throws IOException {
        assumeTrue(posix(), "a POSIX file system");
        Path file = temp.resolve("users.txt");
        UsersFile.empty().with("alice", aliceHash).write(file);
        Object before = Files.readAttributes(file, "unix:ino").get("ino");

        UsersFile.read(file).with("bob", bobHash).write(file);

        assertThat(Files.readAttributes(file, "unix:ino").get("ino"))
                .as("a new file renamed over the old one, not the old one rewritten")
                .isNotEqualTo(before);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(UsersFile.read(file).users()).containsExactly("alice", "bob");
    }

    @Test
    void failsToWriteIntoAMissingDirectoryNamingIt() {
        Path file = temp.resolve("missing").resolve("users.txt");

        assertThatThrownBy(() -> UsersFile.empty().write(file))
                .isInstanceOf(UsersFileException.class)
                .hasMessageContaining("cannot write users file " + file)
                .hasMessageContaining("directory exists");
    }

    private boolean posix() {
        return temp.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    private Path write(String... lines) throws IOException {
        return Files.write(temp.resolve("users.txt"), List.of(lines), UTF_8);
    }

    private static void assertError(Path file, String... messages) {
        assertThatThrownBy(() -> UsersFile.read(file))
                .isInstanceOf(UsersFileException.class)
                .hasMessageContainingAll(messages);
    }
}
