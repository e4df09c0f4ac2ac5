package io.siotls.handshake;

import io.siotls.crypto.KeyExchange;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.crypto.ServerKeyShare;
import java.security.SecureRandom;

/**
 * Where a handshake draws its randomness: hello randoms, the legacy session id, ephemeral key
 * pairs, signature randomness and ticket_age_add. Tests replace it to replay published traces (RFC 8448).
 */
public class Entropy {

    private final SecureRandom random;

    public Entropy(SecureRandom random) {
        this.random = random;
    }

    private static final Entropy SECURE = new Entropy(new SecureRandom());

    /**
     * Entropy from one {@link SecureRandom} shared by all connections: it is thread-safe, and on
     * Linux every instance draws from the same native source anyway.
     */
    public static Entropy secure() {
        return SECURE;
    }

    /** The 32-byte random of a ClientHello or ServerHello (RFC 8446 §4.1.2). */
    public byte[] helloRandom() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The client's legacy_session_id for middlebox compatibility (RFC 8446 §D.4). */
    public byte[] legacySessionId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The opaque cookie a server sends in its HelloRetryRequest (RFC 8446 §4.2.2). */
    public byte[] helloRetryCookie() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * The certificate_request_context of a post-handshake CertificateRequest (RFC 8446 §4.3.2:
     * unique within the connection, so that answers cannot be replayed across requests).
     */
    public byte[] certificateRequestContext() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A NewSessionTicket's ticket_age_add, a uint32 (RFC 8446 §4.6.1: "securely generated"). */
    public long ticketAgeAdd() {
        return random.nextInt() & 0xffffffffL;
    }

    /** A fresh ephemeral key pair for {@code exchange}. */
    public KeyExchangeKeyPair ephemeralKeyPair(KeyExchange exchange) {
        return exchange.generate(random);
    }

    /**
     * The server's share and shared secret for the client's share, RFC 8446 §4.2.8: an
     * ephemeral key pair's agreement for (EC)DHE, an encapsulation for KEM groups.
     */
    public ServerKeyShare serverKeyShare(KeyExchange exchange, byte[] clientShare) {
        return exchange.respond(clientShare, random);
    }

    /** The randomness fed to signatures (PSS salts, ECDSA nonces). */
    public SecureRandom signingRandom() {
        return random;
    }
}
