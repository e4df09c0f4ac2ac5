package io.siotls;

import io.siotls.iana.CipherSuite;
import java.time.Instant;

/**
 * A session a client may resume: one NewSessionTicket the server sent (RFC 8446 §4.6.1) with the
 * PSK derived for it, kept in a {@link ClientSessionCache}. What this interface shows is what a
 * cache needs to file and expire it; the PSK stays inside the engine's implementation, and only
 * the engine's own sessions are ever offered.
 */
public interface ResumableSession {

    /** The peer and configuration it was received with. */
    SessionKey key();

    /** The cipher suite of the connection that received it; a resumption needs a suite of the same hash. */
    CipherSuite cipherSuite();

    /** When the ticket arrived. */
    Instant received();

    /** When the ticket stops being usable: its ticket_lifetime after it arrived, never more than 7 days. */
    Instant expiry();

    /** Zeroes the PSK: the cache dropped the session without offering it. */
    void forget();
}
