package io.siotls.tickets;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys that seal and open a server's stateless session tickets (RFC 8446 §4.6.1: the ticket
 * is "opaque" to the client, so the server may put its session state in it, encrypted). A ticket
 * is {@code 0x01 || key id (16) || IV (12) || AES-256-GCM(state) || tag (16)}, the version byte and
 * key id authenticated too, a fresh random IV per ticket. A ticket that does not authenticate
 * (forged, truncated, sealed by another server's keys) opens to {@code null}.
 *
 * <p>{@link #rotating(Duration)} keys come from {@link SecureRandom}: a new current key every
 * rotation period (the first when the first ticket is sealed), the previous ones kept to open the
 * tickets they sealed until the last of those expires, then dropped — so that a stolen key reveals
 * the sessions of one period, not of the server's life. {@link #of(List)} keys are given as
 * bytes, for servers that must open each other's tickets: the first seals, all open, none is
 * dropped (rotating them means giving new keys).
 *
 * <p>One instance serves every connection of a configuration; it is thread-safe.
 */
public final class TicketKeys {

    /** How long a random key seals tickets before the next one takes over. */
    public static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofHours(1);

    private static final Duration MIN_ROTATION_PERIOD = Duration.ofMinutes(1);
    private static final Duration MAX_ROTATION_PERIOD = Duration.ofDays(7);
    private static final byte VERSION = 1;
    private static final byte[] HEADER = {VERSION};
    private static final int OVERHEAD = HEADER.length + TicketKey.ID_LENGTH + TicketKey.IV_LENGTH + TicketKey.TAG_LENGTH;

    private final Duration rotationPeriod;
    private final SecureRandom random;
    private volatile List<TicketKey> keys;

    private TicketKeys(Duration rotationPeriod, SecureRandom random, List<TicketKey> keys) {
        this.rotationPeriod = rotationPeriod;
        this.random = random;
        this.keys = keys;
    }

    /** Random keys rotated every {@link #DEFAULT_ROTATION_PERIOD}. */
    public static TicketKeys random() {
        return rotating(DEFAULT_ROTATION_PERIOD);
    }

    /**
     * Random keys, a new one every {@code rotationPeriod} (from 1 minute to 7 days).
     *
     * @throws TLSConfigurationException {@code session_ticket_keys}, OUT_OF_RANGE
     */
    public static TicketKeys rotating(Duration rotationPeriod) {
        if (rotationPeriod == null || rotationPeriod.compareTo(MIN_ROTATION_PERIOD) < 0
                || rotationPeriod.compareTo(MAX_ROTATION_PERIOD) > 0) {
            throw new TLSConfigurationException(ConfigurationOption.SESSION_TICKET_KEYS,
                    ConfigurationProblem.OUT_OF_RANGE, "session_ticket_keys: the rotation period must be within "
                    + "[PT1M, P7D], got " + rotationPeriod);
        }
        return new TicketKeys(rotationPeriod, new SecureRandom(), List.of());
    }

    /**
     * Fixed keys of 32 bytes each: the first seals, every one opens. The bytes are copied.
     *
     * @throws TLSConfigurationException {@code session_ticket_keys}: EMPTY, NULL, OUT_OF_RANGE (a
     *         key not 32 bytes long) or DUPLICATE
     */
    public static TicketKeys of(List<byte[]> keyBytes) {
        return of(keyBytes, Instant.MIN);
    }

    /**
     * Fixed keys, as {@link #of(List)}, that began sealing at {@code created} (a key file's last
     * modification), or at an unknown time when it is {@link Instant#MIN}.
     */
    static TicketKeys of(List<byte[]> keyBytes, Instant created) {
        ConfigurationOption option = ConfigurationOption.SESSION_TICKET_KEYS;
        if (keyBytes == null || keyBytes.isEmpty()) {
            throw new TLSConfigurationException(option, ConfigurationProblem.EMPTY, "session_ticket_keys holds no key");
        }
        List<TicketKey> keys = new ArrayList<>();
        for (byte[] bytes : keyBytes) {
            if (bytes == null) {
                throw new TLSConfigurationException(option, ConfigurationProblem.NULL,
                        "session_ticket_keys must not contain null");
            }
            if (bytes.length != TicketKey.KEY_LENGTH) {
                throw new TLSConfigurationException(option, ConfigurationProblem.OUT_OF_RANGE,
                        "session_ticket_keys: a key is " + TicketKey.KEY_LENGTH + " bytes (AES-256), got " + bytes.length);
            }
            for (byte[] other : keyBytes) {
                if (other != bytes && Arrays.equals(other, bytes)) {
                    throw new TLSConfigurationException(option, ConfigurationProblem.DUPLICATE,
                            "session_ticket_keys names one key twice");
                }
            }
            keys.add(new TicketKey(bytes.clone(), created));
        }
        return new TicketKeys(null, new SecureRandom(), List.copyOf(keys));
    }

    /** How often a random key is replaced, or {@code null} for fixed keys. */
    public Duration rotationPeriod() {
        return rotationPeriod;
    }

    /**
     * When the key now sealing tickets began to: for random keys, when it was made (none before
     * the first ticket); for the keys of a {@link TicketKeyFile}, when the file was last
     * modified; none for keys given as bytes. Tells nothing of the key itself.
     */
    public Optional<Instant> currentKeyCreated() {
        List<TicketKey> all = keys;
        if (all.isEmpty() || all.get(0).created().equals(Instant.MIN)) {
            return Optional.empty();
        }
        return Optional.of(all.get(0).created());
    }

    /**
     * Seals {@code state} under the current key, a ticket valid until {@code expiry}; a rotating
     * instance first replaces a current key older than its period.
     */
    public byte[] seal(byte[] state, Instant now, Instant expiry) {
        byte[] iv = new byte[TicketKey.IV_LENGTH];
        random.nextBytes(iv);
        return current(now).seal(HEADER, state, iv, expiry);
    }

    /**
     * The state sealed in {@code ticket}, or {@code null}: a ticket too short, of another format,
     * of an unknown or dropped key, or that does not authenticate.
     */
    public byte[] open(byte[] ticket, Instant now) {
        if (ticket.length < OVERHEAD || ticket[0] != VERSION) {
            return null;
        }
        for (TicketKey key : live(now)) {
            if (key.hasId(ticket, HEADER.length)) {
                return key.open(ticket, HEADER.length);
            }
        }
        return null;
    }

    /** The current key, after replacing it when its period is over and dropping the retired keys no ticket needs. */
    private synchronized TicketKey current(Instant now) {
        List<TicketKey> live = live(now);
        if (rotationPeriod != null && (live.isEmpty() || !now.isBefore(live.get(0).created().plus(rotationPeriod)))) {
            byte[] bytes = new byte[TicketKey.KEY_LENGTH];
            random.nextBytes(bytes);
            List<TicketKey> next = new ArrayList<>();
            next.add(new TicketKey(bytes, now));
            next.addAll(live);
            live = next;
            Arrays.fill(bytes, (byte) 0);
        }
        keys = List.copyOf(live);
        return live.get(0);
    }

    /** The keys that may still open tickets: the current one, and retired ones whose tickets live on. */
    private List<TicketKey> live(Instant now) {
        List<TicketKey> all = keys;
        if (rotationPeriod == null || all.size() < 2) {
            return all;
        }
        List<TicketKey> live = new ArrayList<>(all.size());
        live.add(all.get(0));
        for (TicketKey retired : all.subList(1, all.size())) {
            if (!now.isAfter(retired.lastExpiry())) {
                live.add(retired);
            }
        }
        return live;
    }

    @Override
    public String toString() {
        return rotationPeriod == null ? "TicketKeys{" + keys.size() + " fixed keys}"
                : "TicketKeys{random, rotated every " + rotationPeriod + "}";
    }
}
