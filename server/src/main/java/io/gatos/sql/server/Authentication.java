package io.gatos.sql.server;

import io.gatos.sql.server.auth.BasicAuthenticator;
import io.gatos.sql.server.auth.UsersFile;
import io.gatos.sql.server.auth.UsersFileException;
import java.util.Optional;
import java.util.function.Function;

/** Builds the request authenticator for an {@link ServerConfig.Auth} setting. */
final class Authentication {
    private Authentication() {
    }

    /**
     * Returns the authenticator of {@code auth}: null when anyone may connect, otherwise a function
     * from an Authorization header to the user it proves. Reads the users file once.
     *
     * @throws ServerException if the users file is missing or malformed
     */
    static Function<String, Optional<String>> of(ServerConfig.Auth auth) {
        if (!auth.basic()) {
            return null;
        }
        try {
            return new BasicAuthenticator(UsersFile.read(auth.users()))::authenticate;
        } catch (UsersFileException e) {
            throw new ServerException(ServerException.Code.USERS, e.getMessage(), e);
        }
    }
}
