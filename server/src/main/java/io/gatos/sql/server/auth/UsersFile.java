package io.gatos.sql.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Holds the users of {@code gatos serve --auth basic}, each with a {@link PasswordHash} encoding,
 * and reads and writes them as a users file: UTF-8 text with one {@code user:hash} line per user,
 * blank lines and {@code #} comments ignored. Immutable: {@link #with} and {@link #without}
 * return new instances.
 */
public final class UsersFile {
    /** The comment line {@link #write} puts first, describing the format. */
    public static final String HEADER =
            "# gatos serve users: user:"
                    + PasswordHash.SCHEME
                    + "$iterations$salt$hash (written by gatos passwd)";

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String USER_RULE =
            "a user name is 1 to 64 of the characters A-Z a-z 0-9 . _ @ -";
    private static final UsersFile EMPTY = new UsersFile(new LinkedHashMap<>());

    /** User name to encoded hash, in file order. */
    private final Map<String, String> hashes;

    private UsersFile(LinkedHashMap<String, String> hashes) {
        this.hashes = Collections.unmodifiableMap(hashes);
    }

    /** Returns a users file without users. */
    public static UsersFile empty() {
        return EMPTY;
    }

    /**
     * Reads and checks a users file; costs one read of the file, no PBKDF2 run.
     *
     * @throws UsersFileException if the file is missing or unreadable, or a line is not {@code
     *     user:hash} with a valid user name and a well-formed {@link PasswordHash} (a plain-text
     *     password is refused), or a user appears twice; the message names the file and the line
     */
    public static UsersFile read(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines = readLines(file);
        LinkedHashMap<String, String> hashes = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // a byte order mark some editors write
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw lineError(file, number, "expected user:hash; " + addHint(file, "USER"));
            }
            String user = line.substring(0, colon).strip();
            String hash = line.substring(colon + 1).strip();
            checkLine(file, number, user, hash);
            Integer previous = lineOf.putIfAbsent(user, number);
            if (previous != null) {
                throw lineError(
                        file,
                        number,
                        "user '" + user + "' is already defined on line " + previous
                                + "; keep one of the two lines");
            }
            hashes.put(user, hash);
        }
        return new UsersFile(hashes);
    }

    private static void checkLine(Path file, int number, String user, String hash) {
        if (!USER.matcher(user).matches()) {
            throw lineError(file, number, "invalid user name '" + user + "': " + USER_RULE);
        }
        if (!hash.startsWith(PasswordHash.SCHEME + "$")) {
            throw lineError(
                    file,
                    number,
                    "the password of user '" + user + "' is not a " + PasswordHash.SCHEME
                            + " hash; plain-text passwords are not accepted: "
                            + addHint(file, user));
        }
        try {
            PasswordHash.parse(hash);
        } catch (IllegalArgumentException e) {
            throw lineError(
                    file,
                    number,
                    "user '" + user + "': " + e.getMessage() + "; " + addHint(file, user));
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsersFileException(
                    "no users file at " + file + ": create it with 'gatos passwd --users " + file
                            + " USER'",
                    e);
        } catch (CharacterCodingException e) {
            throw new UsersFileException(
                    "users file " + file + " is not UTF-8 text: rewrite it with 'gatos passwd"
                            + " --users " + file + " USER'",
                    e);
        } catch (IOException e) {
            throw new UsersFileException(
                    "cannot read users file " + file + " (" + reason(e) + "): check its"
                            + " permissions, or create it with 'gatos passwd --users " + file
                            + " USER'",
                    e);
        }
    }

    private static UsersFileException lineError(Path file, int number, String problem) {
        return new UsersFileException(file + " line " + number + ": " + problem);
    }

    private static String addHint(Path file, String user) {
        return "set the password with 'gatos passwd --users " + file + " " + user + "'";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Checks that {@code user} is a valid user name (1 to 64 of {@code A-Z a-z 0-9 . _ @ -}) and
     * returns it.
     *
     * @throws IllegalArgumentException naming the rule if it is not
     */
    public static String checkUser(String user) {
        Objects.requireNonNull(user, "user");
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("invalid user name '" + user + "': " + USER_RULE);
        }
        return user;
    }

    /** Returns the encoded hash of {@code user} (not null), or empty if there is no such user. */
    public Optional<String> hashOf(String user) {
        return Optional.ofNullable(hashes.get(Objects.requireNonNull(user, "user")));
    }

    /** Returns the user names, sorted; an unmodifiable set. */
    public Set<String> users() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(hashes.keySet()));
    }

    /**
     * Returns a users file where {@code user} has {@code encodedHash}: a replaced user keeps its
     * place, a new one comes last; costs a copy of the map, no PBKDF2 run.
     *
     * @throws IllegalArgumentException if the user name is invalid or the hash malformed
     */
    public UsersFile with(String user, String encodedHash) {
        checkUser(user);
        PasswordHash.parse(encodedHash);
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(hashes);
        copy.put(user, encodedHash);
        return new UsersFile(copy);
    }

    /** Returns a users file without {@code user} (not null); this one if there is no such user. */
    public UsersFile without(String user) {
        Objects.requireNonNull(user, "user");
        if (!hashes.containsKey(user)) {
            return this;
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(hashes);
        copy.remove(user);
        return new UsersFile(copy);
    }

    /**
     * Writes the users to {@code file}, the {@link #HEADER} first, in order; replaces any previous
     * file (and its comments) atomically through a temporary file in the same directory, and makes
     * it readable by its owner only ({@code rw-------}) where the file system is POSIX. Costs one
     * write and one fsync.
     *
     * @throws UsersFileException if the directory is missing or not writable
     */
    public void write(Path file) {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        Path tmp = null;
        try {
            tmp = createTemp(target);
            Files.writeString(tmp, render(), UTF_8);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(
                    tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UsersFileException(
                    "cannot write users file " + file + " (" + reason(e) + "): check that its"
                            + " directory exists and is writable",
                    e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    dir,
                    prefix,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: a leftover temporary file never replaces the users file
        }
    }

    private String render() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        hashes.forEach((user, hash) -> text.append(user).append(':').append(hash).append('\n'));
        return text.toString();
    }

    /** Returns the user names in file order, without their hashes. */
    @Override
    public String toString() {
        return "UsersFile" + hashes.keySet();
    }
}
