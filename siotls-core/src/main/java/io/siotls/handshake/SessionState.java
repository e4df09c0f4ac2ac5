package io.siotls.handshake;

import io.siotls.iana.CipherSuite;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a server's stateless ticket holds (RFC 8446 §4.6.1, sealed by {@link io.siotls.tickets.TicketKeys}):
 * the cipher suite and PSK, when the ticket was issued, its lifetime and ticket_age_add, when the
 * peer last authenticated with a signature (a full handshake), the peer's identity (its
 * certificate chain, or raw public key, or none), the ALPN and SNI of the connection, and the
 * max_early_data_size the ticket announced (RFC 8446 §4.2.10; 0 when it allows no early data).
 *
 * @param peerChain the client's certificate chain, end-entity first; empty when it presented none
 *        or a raw public key
 * @param peerPublicKey the client's raw public key (RFC 7250), or {@code null}
 */
record SessionState(CipherSuite suite, byte[] psk, Instant issued, long lifetimeSeconds, long ageAdd,
        Instant authenticated, List<X509Certificate> peerChain, PublicKey peerPublicKey, String alpn,
        String serverName, long maxEarlyData) {

    /**
     * The longest a session lives from the full handshake it came from, through any number of
     * resumptions: RFC 8446 §4.6.1's 7 days, the longest a ticket may live ("implementations
     * [should] place limits on the total lifetime of such keying material").
     */
    static final Duration MAX_AUTHENTICATION_AGE = Duration.ofDays(7);

    /**
     * How far the client's idea of the ticket's age (obfuscated_ticket_age minus ticket_age_add)
     * may be from the server's (now minus the issue time), RFC 8446 §8.3: 10 seconds either way,
     * for the round trip that delivered the ticket and for clients that count whole seconds
     * (OpenSSL).
     */
    static final Duration AGE_WINDOW = Duration.ofSeconds(10);

    private static final int NO_PEER = 0;
    private static final int PEER_CHAIN = 1;
    private static final int PEER_RAW_PUBLIC_KEY = 2;

    SessionState {
        peerChain = List.copyOf(peerChain);
    }

    /** When the ticket stops being accepted: its lifetime, or the session's authentication age, whichever ends first. */
    Instant expiry() {
        Instant lifetimeEnd = issued.plusSeconds(lifetimeSeconds);
        Instant authenticationEnd = authenticated.plus(MAX_AUTHENTICATION_AGE);
        return lifetimeEnd.isBefore(authenticationEnd) ? lifetimeEnd : authenticationEnd;
    }

    /**
     * Whether a ticket of this state may be resumed at {@code now}: issued and not expired, the
     * client's certificate (when there is one) still valid, and the client's obfuscated age
     * within {@link #AGE_WINDOW} of the real one (RFC 8446 §4.2.11.1).
     */
    boolean acceptableAt(Instant now, long obfuscatedTicketAge) {
        if (now.isBefore(issued.minus(AGE_WINDOW)) || !now.isBefore(expiry())) {
            return false;
        }
        if (!peerChain.isEmpty() && now.isAfter(peerChain.get(0).getNotAfter().toInstant())) {
            return false;
        }
        long clientAge = (obfuscatedTicketAge - ageAdd) & 0xffffffffL;
        long serverAge = Duration.between(issued, now).toMillis();
        return Math.abs(clientAge - serverAge) <= AGE_WINDOW.toMillis();
    }

    /** Whether the connection asks for the server name the ticket was issued for (RFC 6066 §3: ignoring case). */
    boolean sameServerName(String requested) {
        return Objects.equals(lower(serverName), lower(requested));
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    byte[] encode() {
        TLSWriter writer = new TLSWriter(256);
        writer.writeUint16(suite.code());
        writer.writeOpaque(1, psk);
        writeInstant(writer, issued);
        writer.writeUint32(lifetimeSeconds);
        writer.writeUint32(ageAdd);
        writeInstant(writer, authenticated);
        if (peerPublicKey != null && peerChain.isEmpty()) {
            writer.writeUint8(PEER_RAW_PUBLIC_KEY);
            writer.writeOpaque(2, peerPublicKey.getEncoded());
        } else if (!peerChain.isEmpty()) {
            writer.writeUint8(PEER_CHAIN);
            int chain = writer.startVector(3);
            for (X509Certificate certificate : peerChain) {
                try {
                    writer.writeOpaque(3, certificate.getEncoded());
                } catch (CertificateException e) {
                    throw new IllegalStateException("a certificate that was parsed cannot be encoded", e);
                }
            }
            writer.endVector(chain);
        } else {
            writer.writeUint8(NO_PEER);
        }
        writer.writeOpaque(1, bytes(alpn));
        writer.writeOpaque(2, bytes(serverName));
        writer.writeUint32(maxEarlyData);
        return writer.toByteArray();
    }

    /**
     * The state of an opened ticket, every length checked; {@code null} when it does not parse
     * (only this server's keys seal tickets, so that means a bug or another format, never an alert).
     */
    static SessionState decode(byte[] bytes) {
        try {
            TLSReader reader = new TLSReader(bytes);
            CipherSuite suite = CipherSuite.fromCode(reader.readUint16("cipher_suite"));
            byte[] psk = reader.readOpaque(1, 32, 64, "psk");
            Instant issued = readInstant(reader);
            long lifetime = reader.readUint32("lifetime");
            long ageAdd = reader.readUint32("age_add");
            Instant authenticated = readInstant(reader);
            List<X509Certificate> chain = new ArrayList<>();
            PublicKey publicKey = null;
            switch (reader.readUint8("peer kind")) {
                case NO_PEER -> { }
                case PEER_CHAIN -> {
                    TLSReader certificates = reader.readVector(3, 1, 0xffffff, "peer chain");
                    CertificateFactory factory = CertificateFactory.getInstance("X.509");
                    while (certificates.hasRemaining()) {
                        byte[] der = certificates.readOpaque(3, 1, 0xffffff, "certificate");
                        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                    }
                    publicKey = chain.get(0).getPublicKey();
                }
                case PEER_RAW_PUBLIC_KEY -> publicKey = PeerCredential.decodeRawPublicKey(
                        reader.readOpaque(2, 1, 0xffff, "peer public key"));
                default -> {
                    return null;
                }
            }
            String alpn = string(reader.readOpaque(1, 0, 255, "alpn"));
            String serverName = string(reader.readOpaque(2, 0, 0xffff, "server_name"));
            long maxEarlyData = reader.readUint32("max_early_data_size");
            reader.expectEnd("session state");
            if (suite == null || psk.length != suite.hashLength()) {
                return null;
            }
            return new SessionState(suite, psk, issued, lifetime, ageAdd, authenticated, chain, publicKey, alpn,
                    serverName, maxEarlyData);
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    private static void writeInstant(TLSWriter writer, Instant instant) {
        long millis = instant.toEpochMilli();
        writer.writeUint32(millis >>> 32);
        writer.writeUint32(millis & 0xffffffffL);
    }

    private static Instant readInstant(TLSReader reader) {
        return Instant.ofEpochMilli(reader.readUint32("time high") << 32 | reader.readUint32("time low"));
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] bytes) {
        return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
