package io.siotls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A bounded, in-memory {@link ClientSessionCache}: at most {@code maxSize} sessions in all (the
 * peer used least recently loses its oldest first), at most {@link #MAX_PER_PEER} per peer (a
 * server may send any number of tickets, RFC 8446 §4.6.1), each dropped once its ticket expires or
 * {@code timeout} after it arrived, whichever comes first. A dropped session's PSK is zeroed.
 * Thread-safe.
 */
public final class LruClientSessionCache implements ClientSessionCache {

    /** The sessions kept per peer: the newest are offered first, one per connection. */
    public static final int MAX_PER_PEER = 8;

    private final Map<SessionKey, Deque<ResumableSession>> byPeer = new LinkedHashMap<>(16, 0.75f, true);
    private int size;
    private int maxSize;
    private Duration timeout;

    /**
     * @param maxSize the most sessions kept, 0 for no limit (as {@code SSLSessionContext.setSessionCacheSize})
     * @param timeout how long after its arrival a session may be resumed at most, {@link Duration#ZERO}
     *        for as long as its ticket lives
     */
    public LruClientSessionCache(int maxSize, Duration timeout) {
        maxSize(maxSize);
        timeout(timeout);
    }

    /** Changes the most sessions kept (0: no limit), dropping the oldest beyond it at once. */
    public synchronized void maxSize(int maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("the session cache size must not be negative");
        }
        this.maxSize = maxSize;
        trim();
    }

    public synchronized int maxSize() {
        return maxSize;
    }

    /** Changes how long a session may be kept after it arrived (ZERO: as long as its ticket lives). */
    public synchronized void timeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException("the session timeout must not be negative");
        }
        this.timeout = timeout;
    }

    public synchronized Duration timeout() {
        return timeout;
    }

    /** The sessions kept now, expired ones included until they are next looked at. */
    public synchronized int size() {
        return size;
    }

    @Override
    public synchronized void put(ResumableSession session) {
        Deque<ResumableSession> sessions = byPeer.computeIfAbsent(session.key(), key -> new ArrayDeque<>());
        sessions.addFirst(session);
        size++;
        if (sessions.size() > MAX_PER_PEER) {
            sessions.removeLast().forget();
            size--;
        }
        trim();
    }

    @Override
    public synchronized ResumableSession take(SessionKey key, Instant now, Predicate<ResumableSession> usable) {
        Deque<ResumableSession> sessions = byPeer.get(key);
        if (sessions == null) {
            return null;
        }
        ResumableSession taken = null;
        for (Iterator<ResumableSession> it = sessions.iterator(); it.hasNext();) {
            ResumableSession session = it.next();
            if (!now.isBefore(expiry(session))) {
                it.remove();
                size--;
                session.forget();
            } else if (taken == null && usable.test(session)) {
                it.remove();
                size--;
                taken = session;
            }
        }
        if (sessions.isEmpty()) {
            byPeer.remove(key);
        }
        return taken;
    }

    @Override
    public synchronized void remove(SessionKey key) {
        Deque<ResumableSession> sessions = byPeer.remove(key);
        if (sessions != null) {
            size -= sessions.size();
            sessions.forEach(ResumableSession::forget);
        }
    }

    private Instant expiry(ResumableSession session) {
        Instant expiry = session.expiry();
        if (timeout.isZero()) {
            return expiry;
        }
        Instant timedOut = session.received().plus(timeout);
        return timedOut.isBefore(expiry) ? timedOut : expiry;
    }

    /** Drops the oldest session of the peer used least recently until the cache fits its size. */
    private void trim() {
        while (maxSize > 0 && size > maxSize) {
            Iterator<Map.Entry<SessionKey, Deque<ResumableSession>>> eldest = byPeer.entrySet().iterator();
            Map.Entry<SessionKey, Deque<ResumableSession>> entry = eldest.next();
            entry.getValue().removeLast().forget();
            size--;
            if (entry.getValue().isEmpty()) {
                eldest.remove();
            }
        }
    }
}
