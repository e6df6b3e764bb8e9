package io.gatos.sql.server;

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
        throw new ServerException(ServerException.Code.USERS, "basic authentication is not built yet", null);
    }
}
