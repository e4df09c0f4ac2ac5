package io.siotls.handshake;

import io.siotls.ResumableSession;
import io.siotls.SessionKey;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One session a client may resume (RFC 8446 §4.6.1): the ticket a server sent, the PSK derived
 * for it, when it arrived and how long it lives, its ticket_age_add, and what the connection that
 * received it had established: the suite, the server's identity as it was verified (certificate
 * chain or raw public key), the server name sent with SNI and the name checked against the
 * certificate, the ALPN protocol, and the server's max_early_data_size (the 0-RTT data the ticket
 * allows, RFC 8446 §4.2.10; 0 for none).
 *
 * @param lifetimeSeconds the ticket_lifetime, at most 7 days (RFC 8446 §4.6.1)
 * @param serverName the name sent with SNI, or {@code null}
 * @param verifiedHostname the name the server's certificate was checked against, or {@code null}
 */
record ClientTicket(SessionKey key, CipherSuite cipherSuite, byte[] psk, byte[] ticket, Instant received,
        long lifetimeSeconds, long ageAdd, long maxEarlyData, String serverName, String verifiedHostname,
        List<X509Certificate> peerChain, PublicKey peerPublicKey, CertificateType serverCertificateType,
        String alpn) implements ResumableSession {

    /** The longest a ticket may be kept, RFC 8446 §4.6.1: "Clients MUST NOT cache tickets for longer than 7 days". */
    static final long MAX_LIFETIME_SECONDS = Duration.ofDays(7).toSeconds();

    ClientTicket {
        lifetimeSeconds = Math.min(lifetimeSeconds, MAX_LIFETIME_SECONDS);
        peerChain = List.copyOf(peerChain);
    }

    @Override
    public Instant expiry() {
        return received.plusSeconds(lifetimeSeconds);
    }

    /** obfuscated_ticket_age, RFC 8446 §4.2.11.1: the age in milliseconds plus ticket_age_add, modulo 2^32. */
    long obfuscatedAge(Instant now) {
        long age = Math.max(0, Duration.between(received, now).toMillis());
        return (age + ageAdd) & 0xffffffffL;
    }

    /**
     * Whether a connection of {@code policy} may offer this ticket: its suite is still enabled, and
     * it asks for the same server name and verifies the same host name (RFC 8446 §4.6.1: a PSK is
     * offered only to the server it was established with).
     */
    boolean usableBy(ConnectionPolicy policy) {
        return policy.cipherSuites().contains(cipherSuite) && sameName(serverName, policy.serverName())
                && sameName(verifiedHostname, policy.verificationHostname());
    }

    private static boolean sameName(String kept, String asked) {
        return Objects.equals(kept == null ? null : kept.toLowerCase(Locale.ROOT),
                asked == null ? null : asked.toLowerCase(Locale.ROOT));
    }

    @Override
    public void forget() {
        Arrays.fill(psk, (byte) 0);
    }

    @Override
    public String toString() {
        return "ClientTicket{" + key + ", " + cipherSuite + ", received " + received + ", " + lifetimeSeconds + " s}";
    }
}
