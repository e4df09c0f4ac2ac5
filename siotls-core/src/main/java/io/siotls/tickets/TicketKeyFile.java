package io.siotls.tickets;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A file of session ticket keys, for servers behind one load balancer to resume each other's
 * sessions: every instance reads the same file, and a key's id is derived from its bytes alone,
 * so a ticket sealed by one instance opens on any other (as nginx's and HAProxy's shared
 * {@code ssl_session_ticket_key} files).
 *
 * <p>The format is text: one key per line, the standard Base64 of 32 random bytes (44 characters
 * with its padding). The first key seals new tickets; every key opens them. Blank lines and lines
 * starting with {@code #} are ignored, surrounding spaces too. At most {@value #MAX_KEYS} keys.
 * Make a file with {@code openssl rand -base64 32 > ticket.key}; rotate it by writing a new key
 * first and keeping the old one second, then moving the new file into place:
 * <pre>{@code
 * { openssl rand -base64 32; grep -v '^#' ticket.key | head -n 1; } > ticket.key.new
 * mv ticket.key.new ticket.key
 * }</pre>
 *
 * <p>Errors are {@link TLSConfigurationException}s of {@code session_ticket_keys} with the file
 * as {@link TLSConfigurationException#source() source}. They name lines by number and never
 * quote the file's content.
 */
public final class TicketKeyFile {

    /** The most keys a file may hold. */
    public static final int MAX_KEYS = 16;

    /** Far more than {@value #MAX_KEYS} keys and their comments; guards against reading a device or a huge file. */
    static final int MAX_FILE_SIZE = 64 * 1024;

    private TicketKeyFile() {
    }

    /**
     * The keys of {@code file}, the first sealing; {@link TicketKeys#currentKeyCreated()} is the
     * file's last modification.
     *
     * @throws TLSConfigurationException {@code session_ticket_keys}: UNREADABLE (missing, a
     *         directory, no permission, too large), EMPTY, MALFORMED (not Base64 text, a key that
     *         is one byte repeated), OUT_OF_RANGE (a key not 32 bytes long, more than
     *         {@value #MAX_KEYS} keys) or DUPLICATE
     */
    public static TicketKeys read(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw error(ConfigurationProblem.UNREADABLE, source, "is a directory, expected a ticket key file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_FILE_SIZE + 1);
            try {
                return parse(content, source, Files.getLastModifiedTime(file).toInstant());
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        } catch (NoSuchFileException e) {
            throw error(ConfigurationProblem.UNREADABLE, source, "file not found", e);
        } catch (AccessDeniedException e) {
            throw error(ConfigurationProblem.UNREADABLE, source, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw error(ConfigurationProblem.UNREADABLE, source, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The keys of {@code content}, in the file format, read from what {@code source} names (a
     * resource that is not a file); the time their first key began sealing is unknown.
     *
     * @throws TLSConfigurationException as {@link #read(Path)}
     */
    public static TicketKeys parse(byte[] content, String source) {
        return parse(content, source, Instant.MIN);
    }

    private static TicketKeys parse(byte[] content, String source, Instant created) {
        if (content.length > MAX_FILE_SIZE) {
            throw error(ConfigurationProblem.UNREADABLE, source, "is larger than " + MAX_FILE_SIZE / 1024
                    + " KiB, not a ticket key file", null);
        }
        for (byte b : content) {
            if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b >= 0x7f) {
                throw error(ConfigurationProblem.MALFORMED, source, "is binary, not Base64 text: write each key as "
                        + "a line of its own, e.g. with openssl rand -base64 32", null);
            }
        }
        List<byte[]> keys = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] text = new String(content, StandardCharsets.US_ASCII).split("\n", -1);
        try {
            for (int i = 0; i < text.length; i++) {
                String line = text[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int number = i + 1;
                byte[] key = key(line, number, source);
                keys.add(key);
                lines.add(number);
                if (keys.size() > MAX_KEYS) {
                    throw error(ConfigurationProblem.OUT_OF_RANGE, source, "holds more than " + MAX_KEYS
                            + " keys; keep the one sealing and those whose tickets may still be resumed", null);
                }
                for (int j = 0; j < keys.size() - 1; j++) {
                    if (Arrays.equals(keys.get(j), key)) {
                        throw error(ConfigurationProblem.DUPLICATE, source, "lines " + lines.get(j) + " and " + number
                                + " hold the same key", null);
                    }
                }
            }
            if (keys.isEmpty()) {
                throw error(ConfigurationProblem.EMPTY, source, "holds no key: write one with "
                        + "openssl rand -base64 32", null);
            }
            return TicketKeys.of(keys, created);
        } finally {
            keys.forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    /** The 32 bytes of the key on line {@code number}. */
    private static byte[] key(String line, int number, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw error(ConfigurationProblem.MALFORMED, source, "line " + number + " is not Base64", null);
        }
        if (key.length != TicketKey.KEY_LENGTH) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw error(ConfigurationProblem.OUT_OF_RANGE, source, "line " + number + " holds " + length
                    + " bytes, a key is " + TicketKey.KEY_LENGTH + " (AES-256): openssl rand -base64 32 makes one", null);
        }
        if (oneByteRepeated(key)) {
            Arrays.fill(key, (byte) 0);
            throw error(ConfigurationProblem.MALFORMED, source, "line " + number + " is one byte repeated, not a "
                    + "random key: openssl rand -base64 32 makes one", null);
        }
        return key;
    }

    private static boolean oneByteRepeated(byte[] key) {
        for (byte b : key) {
            if (b != key[0]) {
                return false;
            }
        }
        return true;
    }

    private static TLSConfigurationException error(ConfigurationProblem problem, String source, String text,
            Throwable cause) {
        return new TLSConfigurationException(ConfigurationOption.SESSION_TICKET_KEYS, problem, source,
                "session_ticket_keys: " + source + ": " + text, cause);
    }
}
