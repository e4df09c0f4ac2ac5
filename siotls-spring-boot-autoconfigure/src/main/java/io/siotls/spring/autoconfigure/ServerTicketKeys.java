package io.siotls.spring.autoconfigure;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SessionTickets;
import io.siotls.tickets.TicketKeyFile;
import io.siotls.tickets.TicketKeys;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.io.Resource;

/**
 * The keys sealing the server's session tickets, from {@code siotls.server.session-tickets.*}:
 * those of {@code key-file}, read anew on each build so that a reload takes up a replaced file;
 * else random keys rotated every {@code rotation-period}, made once and given to every
 * configuration built after, so that a reload of other material (a new certificate) keeps the
 * tickets issued before it resumable.
 */
final class ServerTicketKeys {

    /** The key file property. */
    static final String KEY_FILE = TLSConfigurationFactory.SERVER + ".session-tickets.key-file";

    /** The rotation period property. */
    static final String ROTATION_PERIOD = TLSConfigurationFactory.SERVER + ".session-tickets.rotation-period";

    private TicketKeys random;
    private Duration randomPeriod;

    /**
     * The keys for {@code properties}.
     *
     * @throws SiotlsPropertyException naming key-file (a file that cannot be read or holds no
     *         valid keys) or rotation-period (out of range, or set beside key-file)
     */
    synchronized TicketKeys keys(SessionTickets properties) {
        if (properties.getKeyFile() != null) {
            if (properties.getRotationPeriod() != null) {
                throw new SiotlsPropertyException(ROTATION_PERIOD, "is set beside " + KEY_FILE
                        + ", whose keys change only when the file is replaced", "Remove " + ROTATION_PERIOD
                        + ", and rotate by writing a new key first in " + KEY_FILE + " and the previous one second.");
            }
            return fromFile(properties.getKeyFile());
        }
        Duration period = properties.getRotationPeriod() == null ? TicketKeys.DEFAULT_ROTATION_PERIOD
                : properties.getRotationPeriod();
        if (random == null || !period.equals(randomPeriod)) {
            try {
                random = TicketKeys.rotating(period);
            } catch (TLSConfigurationException e) {
                throw new SiotlsPropertyException(ROTATION_PERIOD, "must be within [1m, 7d], got " + period,
                        "Set " + ROTATION_PERIOD + " within the range given, or remove it for the default (1h).", e);
            }
            randomPeriod = period;
        }
        return random;
    }

    private static TicketKeys fromFile(Resource resource) {
        try {
            if (resource.isFile() && resource.exists()) {
                return TicketKeyFile.read(resource.getFile().toPath());
            }
            return TicketKeyFile.parse(ResourceContent.read(resource, KEY_FILE), ResourceContent.describe(resource));
        } catch (TLSConfigurationException e) {
            throw new SiotlsPropertyException(KEY_FILE, e.getMessage(), "Write one key per line, each the Base64 of"
                    + " 32 random bytes (openssl rand -base64 32 > ticket.key), the key sealing new tickets first,"
                    + " and the same file on every server that resumes the others' sessions.", e);
        } catch (IOException e) {
            throw new SiotlsPropertyException(KEY_FILE, ResourceContent.describe(resource) + " cannot be read: "
                    + e.getMessage(), "Check that " + KEY_FILE + " names a readable file.", e);
        }
    }
}
