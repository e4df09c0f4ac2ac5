package io.siotls.keylog;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * Writes secrets in the NSS key log format ({@code LABEL <client_random> <secret>}, one line
 * each) that Wireshark reads: appended to a file when one is configured, else to the
 * {@code io.siotls.keylog} logger at INFO level. The engine calls it only for connections whose
 * configuration enables {@code logKeys}.
 */
public final class KeyLog {

    private static final System.Logger LOGGER = System.getLogger("io.siotls.keylog");
    private static final Object FILE_LOCK = new Object();

    private final Path file;

    private KeyLog(Path file) {
        this.file = file;
    }

    /** A key log appending to {@code file}, or writing to the logger when {@code file} is null. */
    public static KeyLog to(Path file) {
        return new KeyLog(file);
    }

    /** One NSS key log line, without its line break. */
    public static String line(String label, byte[] clientRandom, byte[] secret) {
        HexFormat hex = HexFormat.of();
        return label + " " + hex.formatHex(clientRandom) + " " + hex.formatHex(secret);
    }

    /** Logs one secret. */
    public void log(String label, byte[] clientRandom, byte[] secret) {
        String line = line(label, clientRandom, secret);
        if (file == null) {
            LOGGER.log(Level.INFO, line);
            return;
        }
        synchronized (FILE_LOCK) {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "cannot append to the key log file " + file + ": " + e.getMessage());
            }
        }
    }

    /** Checks that {@code file} can be appended to, for configuration time. */
    public static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || (parent != null && !Files.isDirectory(parent))
                || (Files.exists(file) && !Files.isWritable(file))) {
            throw new TLSConfigurationException(ConfigurationOption.KEY_LOG_FILE, ConfigurationProblem.UNWRITABLE,
                    file.toString(), "key_log_file " + file + " cannot be written: "
                    + (Files.isDirectory(file) ? "it is a directory" : "its folder does not exist or it is read-only"),
                    null);
        }
    }
}
