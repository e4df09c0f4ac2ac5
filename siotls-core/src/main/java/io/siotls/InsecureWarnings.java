package io.siotls;

import java.lang.System.Logger.Level;

/** Logs the warnings every use of an insecure option owes its user. */
final class InsecureWarnings {

    private static final System.Logger LOGGER = System.getLogger("io.siotls.insecure");

    private InsecureWarnings() {
    }

    static void configurationBuilt(TLSConfiguration configuration) {
        LOGGER.log(Level.WARNING, "INSECURE TLS client configuration: insecureNoPeerVerification() is set, "
                + "servers will NOT be authenticated and anyone on the path can read and alter the traffic");
    }

    static void connectionCreated(String serverHostname) {
        LOGGER.log(Level.WARNING, "INSECURE TLS connection to " + (serverHostname == null ? "an unnamed server" : serverHostname)
                + ": the server's certificate is not verified (insecureNoPeerVerification)");
    }
}
