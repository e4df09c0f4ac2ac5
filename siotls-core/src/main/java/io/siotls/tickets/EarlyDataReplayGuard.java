package io.siotls.tickets;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strike register of a server's 0-RTT anti-replay, RFC 8446 §8.1 and §8.2: each ticket opens
 * its early data at most once. A ticket used with early data is recorded, as the first 128 bits of
 * SHA-256 of its identity, for {@link #retention()} (twice the freshness window the handshake
 * checks the ticket's obfuscated age against, §8.3), so that a replayed ClientHello is refused
 * either here (while recorded) or by the freshness check (once older than the window). A
 * replayed or refused ClientHello still gets a 1-RTT handshake: only its early data is rejected.
 *
 * <p>Memory is bounded: at most {@link #capacity()} tickets are recorded ({@value #DEFAULT_CAPACITY}
 * by default, about 7 MiB), which at the default 20 s retention lets through about 3,000 0-RTT
 * handshakes a second. When it is full of entries not yet expired, early data is refused rather
 * than accepted unrecorded.
 *
 * <p>The register lives in one process: servers sharing ticket keys (or one server restarted)
 * would each accept the same early data once, which is why {@code TLSConfiguration} refuses early
 * data with ticket keys given from outside. Thread-safe: one instance serves every connection of a
 * configuration.
 */
public final class EarlyDataReplayGuard {

    /** The tickets recorded at most by a default register. */
    public static final int DEFAULT_CAPACITY = 65_536;

    private final int capacity;
    private final Duration retention;
    /** Entries in insertion order, which is also expiry order (the retention is constant). */
    private final LinkedHashMap<Key, Instant> used = new LinkedHashMap<>();

    /**
     * @param capacity the tickets recorded at most, at least 1
     * @param retention how long each ticket is recorded: at least twice the freshness window
     */
    public EarlyDataReplayGuard(int capacity, Duration retention) {
        if (capacity < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("capacity " + capacity + " and retention " + retention
                    + " must be positive");
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    public int capacity() {
        return capacity;
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Records {@code ticketIdentity} as used at {@code now}; true when it was not recorded already
     * and there was room, so that its early data may be accepted.
     */
    public synchronized boolean firstUse(byte[] ticketIdentity, Instant now) {
        purgeExpired(now);
        Key key = Key.of(ticketIdentity);
        if (used.containsKey(key) || used.size() >= capacity) {
            return false;
        }
        used.put(key, now.plus(retention));
        return true;
    }

    /** How many tickets are recorded now, expired ones not yet purged included. */
    public synchronized int size() {
        return used.size();
    }

    private void purgeExpired(Instant now) {
        Iterator<Map.Entry<Key, Instant>> entries = used.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().isAfter(now)) {
            entries.remove();
        }
    }

    /** 128 bits of SHA-256 of a ticket identity: two longs, so an entry costs about 100 bytes. */
    private record Key(long high, long low) {

        static Key of(byte[] identity) {
            try {
                ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(identity));
                return new Key(digest.getLong(), digest.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
