package io.siotls;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Where a client keeps the sessions servers let it resume (RFC 8446 §4.6.1) until it connects to
 * the same peer again. Tickets are single use (RFC 8446 §C.4): {@link #take} removes the session it
 * returns, so that no ticket is offered twice. Implementations must be thread-safe: the
 * connections of one client share their cache. {@link LruClientSessionCache} is the bounded one
 * this engine provides.
 */
public interface ClientSessionCache {

    /** Keeps {@code session}, received from the peer of its {@link ResumableSession#key()}. */
    void put(ResumableSession session);

    /**
     * Removes and returns the newest session of {@code key} that {@code usable} accepts and that
     * has not expired at {@code now}; {@code null} when there is none. Sessions refused by
     * {@code usable} stay.
     */
    ResumableSession take(SessionKey key, Instant now, Predicate<ResumableSession> usable);

    /** Drops every session of {@code key} (a JSSE session invalidated). */
    void remove(SessionKey key);
}
