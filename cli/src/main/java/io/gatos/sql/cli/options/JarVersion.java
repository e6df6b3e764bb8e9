package io.gatos.sql.cli.options;

import io.gatos.sql.cli.GatosCommand;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version for {@code --version} from the {@code Implementation-Version} attribute of the
 * jar manifest (present in {@code cli/target/gatos.jar}, absent when run from classes).
 */
public final class JarVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GatosCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "gatos " + (version == null ? "(development build, no jar manifest)" : version),
            "Java "
                    + Runtime.version()
                    + " ("
                    + System.getProperty("java.vendor", "unknown vendor")
                    + ")"
        };
    }
}
