package io.siotls.spring.autoconfigure;

import io.siotls.TLSConfiguration;
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
 * else random keys rotated every {@code rotation-period}, made by the first configuration built
 * and given to every one built after, so that a reload of other material (a new certificate)
 * keeps the tickets issued before it resumable. The first configuration is given no keys when the
 * period is the core's default: it makes its own, and so equals any configuration built from the
 * same properties.
 */
final class ServerTicketKeys {

    /** The key file property. */
    static final String KEY_FILE = TLSConfigurationFactory.SERVER + ".session-tickets.key-file";

    /** The rotation period property. */
    static final String ROTATION_PERIOD = TLSConfigurationFactory.SERVER + ".session-tickets.rotation-period";

    private TicketKeys random;

    /**
     * Gives {@code builder} the keys {@code properties} ask for.
     *
     * @throws SiotlsPropertyException naming key-file (a file that cannot be read or holds no
     *         valid keys) or rotation-period (out of range, or set beside key-file)
     */
    synchronized void apply(TLSConfiguration.Builder builder, SessionTickets properties) {
        if (properties.getKeyFile() != null) {
            if (properties.getRotationPeriod() != null) {
                throw new SiotlsPropertyException(ROTATION_PERIOD, "is set beside " + KEY_FILE
                        + ", whose keys change only when the file is replaced", "Remove " + ROTATION_PERIOD
                        + ", and rotate by writing a new key first in " + KEY_FILE + " and the previous one second.");
            }
            builder.sessionTicketKeys(fromFile(properties.getKeyFile()));
            return;
        }
        Duration period = properties.getRotationPeriod() == null ? TicketKeys.DEFAULT_ROTATION_PERIOD
                : properties.getRotationPeriod();
        if (random != null && period.equals(random.rotationPeriod())) {
            builder.sessionTicketKeys(random);
        } else if (!period.equals(TicketKeys.DEFAULT_ROTATION_PERIOD)) {
            try {
                builder.sessionTicketKeys(TicketKeys.rotating(period));
            } catch (TLSConfigurationException e) {
                throw new SiotlsPropertyException(ROTATION_PERIOD, "must be within [1m, 7d], got " + period,
                        "Set " + ROTATION_PERIOD + " within the range given, or remove it for the default (1h).", e);
            }
        }
    }

    /** Keeps the random keys of {@code configuration}, just built, for the configurations built after it. */
    synchronized void built(TLSConfiguration configuration) {
        TicketKeys keys = configuration.sessionTicketKeys();
        if (keys != null && keys.rotationPeriod() != null) {
            random = keys;
        }
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
