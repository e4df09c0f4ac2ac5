package io.siotls.spring.autoconfigure.actuator;

import io.siotls.TLSConfiguration;
import io.siotls.tickets.TicketKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/**
 * The {@code sessionTickets} entry of a server's info: whether tickets are sent, how many and
 * for how long, where their keys come from (random, a key file, or given as bytes) and how old the
 * key sealing them is. The keys and their ids never appear.
 */
final class SessionTicketsInfo {

    private SessionTicketsInfo() {
    }

    /**
     * @param keyFile {@code siotls.server.session-tickets.key-file}, or null
     * @param now the time the current key's age is counted to
     */
    static Map<String, Object> of(TLSConfiguration configuration, Resource keyFile, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        TicketKeys keys = configuration.sessionTicketKeys();
        details.put("enabled", configuration.sessionTickets() > 0 && keys != null);
        if (configuration.sessionTickets() == 0 || keys == null) {
            return details;
        }
        details.put("count", configuration.sessionTickets());
        details.put("lifetime", configuration.sessionTicketLifetime().toString());
        if (keys.rotationPeriod() != null) {
            details.put("keySource", "random");
            details.put("rotationPeriod", keys.rotationPeriod().toString());
        } else if (keyFile != null) {
            details.put("keySource", "file");
            details.put("keyFile", keyFile.getDescription());
        } else {
            details.put("keySource", "fixed");
        }
        keys.currentKeyCreated().ifPresent(created -> details.put("currentKeyAge",
                Duration.between(created, now).truncatedTo(ChronoUnit.SECONDS).toString()));
        return details;
    }
}
