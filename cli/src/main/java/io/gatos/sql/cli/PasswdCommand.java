package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.gatos.sql.server.auth.PasswordHash;
import io.gatos.sql.server.auth.UsersFile;
import io.gatos.sql.server.auth.UsersFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Adds, updates or deletes a user in the users file of {@code gatos serve --auth basic}. */
@Command(
        name = "passwd",
        description = {
            "Adds USER to the users file that 'gatos serve --auth basic --users FILE' reads, sets a"
                    + " new password for USER if FILE has it already, or with --delete removes"
                    + " USER.",
            "Asks for the password twice on the terminal without echoing it, or with"
                    + " --password-stdin reads it from the first line of standard input (for"
                    + " scripts).",
            "Stores a salted PBKDF2-HMAC-SHA256 hash (pbkdf2-sha256$ITERATIONS$SALT$HASH), never"
                    + " the password. Creates FILE if it is missing, otherwise keeps its users in"
                    + " order and adds new ones last; replaces FILE atomically, readable by its"
                    + " owner only (rw-------), without its comments.",
            "Prints one line: 'added user USER to FILE', 'updated user USER in FILE' or 'deleted"
                    + " user USER from FILE'."
        },
        exitCodeList = {
            "0:The user was added, updated or deleted.",
            "1:FILE could not be written (I/O error); it is left as it was.",
            "2:Usage error, malformed FILE, invalid user name, empty or differing passwords, no"
                    + " terminal without --password-stdin, or --delete of a user not in FILE."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gatos passwd --users users.txt alice",
            "  gatos passwd --users users.txt --password-stdin ci-bot < ci-bot.password",
            "  gatos passwd --users users.txt --delete alice"
        })
public final class PasswdCommand extends GatosSubcommand {
    @Option(
            names = "--users",
            required = true,
            paramLabel = "FILE",
            description = "The users file of 'gatos serve --auth basic'; created if missing.")
    Path users;

    @Option(
            names = "--password-stdin",
            description =
                    "Read the password from the first line of standard input instead of asking"
                            + " on the terminal.")
    boolean passwordStdin;

    @Option(names = "--delete", description = "Remove USER from FILE instead of setting a password.")
    boolean delete;

    @Parameters(
            paramLabel = "USER",
            description = "The user name: 1 to 64 ASCII letters, digits and . _ @ -")
    String user;

    /** Where {@code --password-stdin} reads the password; tests replace it. */
    InputStream in = System.in;

    /** Asks for a password without echo, or null when there is no terminal; tests replace it. */
    Prompt terminal = terminal(System.console());

    /** Shows a prompt and reads a password without echoing it; returns null at end of input. */
    interface Prompt {
        char[] readPassword(String prompt);
    }

    @Override
    int run() throws UserException, IOException {
        try {
            UsersFile.checkUser(user);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (delete) {
            return delete();
        }
        UsersFile file = read(true);
        boolean existed = file.hashOf(user).isPresent();
        char[] password = password();
        String hash;
        try {
            hash = PasswordHash.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!write(file.with(user, hash))) {
            return ExitCodes.INTERNAL;
        }
        out().println(
                existed
                        ? "updated user " + user + " in " + users
                        : "added user " + user + " to " + users);
        return ExitCodes.OK;
    }

    private int delete() throws UserException {
        if (passwordStdin) {
            throw new UserException("--delete takes no password: drop --password-stdin");
        }
        UsersFile file = read(false);
        if (file.hashOf(user).isEmpty()) {
            throw new UserException(
                    "no user " + user + " in " + users + " (its users: "
                            + (file.users().isEmpty() ? "none" : String.join(", ", file.users()))
                            + "); nothing changed");
        }
        if (!write(file.without(user))) {
            return ExitCodes.INTERNAL;
        }
        out().println("deleted user " + user + " from " + users);
        return ExitCodes.OK;
    }

    /** Reads the users file, or returns no users if it is missing and {@code mayBeMissing}. */
    private UsersFile read(boolean mayBeMissing) throws UserException {
        if (mayBeMissing && Files.notExists(users)) {
            return UsersFile.empty();
        }
        try {
            return UsersFile.read(users);
        } catch (UsersFileException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Writes the users file; on failure prints why and returns false. */
    private boolean write(UsersFile file) {
        try {
            file.write(users);
            return true;
        } catch (UsersFileException e) {
            fail(e.getMessage(), e, ExitCodes.INTERNAL);
            return false;
        }
    }

    /** Returns the new password, never empty; the caller clears it. */
    private char[] password() throws UserException, IOException {
        char[] password = passwordStdin ? firstLine() : askTwice();
        if (password.length == 0) {
            throw new UserException(
                    "the password is empty: give a non-empty one; " + users + " is unchanged");
        }
        return password;
    }

    private char[] askTwice() throws UserException {
        if (terminal == null) {
            throw new UserException(
                    "no terminal to ask for the password: use --password-stdin and pipe it in,"
                            + " e.g. 'gatos passwd --users " + users + " --password-stdin " + user
                            + " < FILE'");
        }
        char[] first = terminal.readPassword("New password for " + user + ": ");
        if (first == null) {
            throw new UserException("no password read (end of input); " + users + " is unchanged");
        }
        char[] second = terminal.readPassword("Retype the password: ");
        try {
            if (second == null || !Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new UserException(
                        "the two passwords differ; " + users + " is unchanged: run it again");
            }
            return first;
        } finally {
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** Reads standard input up to the first line end (without it, nor a {@code \r} before it). */
    private char[] firstLine() throws UserException, IOException {
        Reader reader = new InputStreamReader(in, UTF_8.newDecoder()); // not closed: it is stdin
        char[] buffer = new char[64];
        int length = 0;
        try {
            for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
        } catch (CharacterCodingException e) {
            Arrays.fill(buffer, '\0');
            throw new UserException("standard input is not UTF-8 text: give the password in UTF-8");
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return password;
    }

    private static Prompt terminal(Console console) {
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
}
