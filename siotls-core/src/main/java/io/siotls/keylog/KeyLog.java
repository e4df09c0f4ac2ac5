package io.siotls.keylog;

import java.lang.System.Logger.Level;
import java.util.HexFormat;

/**
 * Writes secrets in the NSS key log format ({@code LABEL <client_random> <secret>}, one line each)
 * that Wireshark reads, to the {@code io.siotls.keylog} logger at INFO level. The engine calls it
 * only for connections whose configuration enables {@code logKeys}; the logger must be configured
 * too, as in siotls.
 */
public final class KeyLog {

    private static final System.Logger LOGGER = System.getLogger("io.siotls.keylog");

    private KeyLog() {
    }

    /** One NSS key log line. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        HexFormat hex = HexFormat.of();
        return label + " " + hex.formatHex(clientRandom) + " " + hex.formatHex(secret);
    }

    /** Logs one secret. */
    public static void log(String label, byte[] clientRandom, byte[] secret) {
        if (LOGGER.isLoggable(Level.INFO)) {
            LOGGER.log(Level.INFO, line(label, clientRandom, secret));
        }
    }
}
