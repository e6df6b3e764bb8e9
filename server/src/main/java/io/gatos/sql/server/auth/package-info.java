/**
 * Maps the users file of {@code gatos serve --auth basic --users FILE} (one {@code
 * user:pbkdf2-sha256$iterations$salt$hash} line per user, written by {@code gatos passwd}) onto
 * HTTP Basic authentication: {@link io.gatos.sql.server.auth.PasswordHash} salts and stretches
 * passwords with PBKDF2-HMAC-SHA256, {@link io.gatos.sql.server.auth.UsersFile} reads and
 * atomically writes the file, and {@link io.gatos.sql.server.auth.BasicAuthenticator} checks an
 * {@code Authorization} header against it, caching successful checks so that a client sending the
 * header on every request pays for PBKDF2 once every ten minutes.
 */
package io.gatos.sql.server.auth;
