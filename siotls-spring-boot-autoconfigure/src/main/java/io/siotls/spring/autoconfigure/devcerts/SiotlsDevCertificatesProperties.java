package io.siotls.spring.autoconfigure.devcerts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code siotls.dev-certificates.*} properties. */
@ConfigurationProperties("siotls.dev-certificates")
public class SiotlsDevCertificatesProperties {

    /**
     * Default folder of the development certificates, relative to the working directory; the
     * initialiser of {@code directory} repeats it as a literal, the only form the configuration
     * processor takes a default from.
     */
    public static final String DEFAULT_DIRECTORY = ".siotls/dev-certificates";

    /**
     * DEVELOPMENT ONLY: whether to make (once) and serve a development CA, a localhost server
     * certificate and a client certificate when siotls.server has no key material, with mutual
     * TLS, and to log the curl command that reaches the server. Logs a warning at every start.
     */
    private boolean enabled;

    /** Folder the development certificates are made into and reused from. */
    private Path directory = Path.of(".siotls/dev-certificates");

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }
}
