package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

/**
 * Configures a {@link LedgerWriter}: storage mode, how many objects a pack may hold before it is
 * flushed, and the identity used as author and committer of every commit.
 *
 * @param mode              packed or loose objects
 * @param flushEveryObjects PACKED only: objects per pack before a flush (bigger packs use more heap,
 *                          about 100 bytes per object)
 * @param name              author and committer name
 * @param email             author and committer e-mail
 */
public record WriterOptions(WriteMode mode, int flushEveryObjects, String name, String email) {
    /** The identity GATOS ledgers use: {@code gatos-ledger <ledger@gatos.local>}. */
    public static final String DEFAULT_NAME = "gatos-ledger";
    /** E-mail of the default identity. */
    public static final String DEFAULT_EMAIL = "ledger@gatos.local";
    /** Default objects per pack in PACKED mode. */
    public static final int DEFAULT_FLUSH_EVERY = 400_000;

    /** Checks the options. */
    public WriterOptions {
        requireNonNull(mode, "mode");
        requireNonNull(name, "name");
        requireNonNull(email, "email");
        if (flushEveryObjects < 1) {
            throw new IllegalArgumentException("flushEveryObjects must be positive: " + flushEveryObjects);
        }
    }

    /** Returns packed-mode options with the default identity. */
    public static WriterOptions packed() {
        return new WriterOptions(WriteMode.PACKED, DEFAULT_FLUSH_EVERY, DEFAULT_NAME, DEFAULT_EMAIL);
    }

    /** Returns loose-mode options with the default identity. */
    public static WriterOptions loose() {
        return new WriterOptions(WriteMode.LOOSE, DEFAULT_FLUSH_EVERY, DEFAULT_NAME, DEFAULT_EMAIL);
    }

    /** Returns a copy that flushes packs every {@code objects} objects. */
    public WriterOptions withFlushEvery(int objects) {
        return new WriterOptions(mode, objects, name, email);
    }

    /** Returns a copy that writes as {@code newName <newEmail>}. */
    public WriterOptions withIdentity(String newName, String newEmail) {
        return new WriterOptions(mode, flushEveryObjects, newName, newEmail);
    }
}
