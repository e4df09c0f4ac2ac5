package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.messages.KeyUpdate;
import io.siotls.messages.NewSessionTicket;
import java.util.Arrays;

/**
 * After the handshake, RFC 8446 §4.6: only the application traffic secrets live on, and
 * KeyUpdate (§7.2) replaces each with the next, zeroing the old one. No handshake or master
 * secret is reachable from here; a client with a session cache holds the resumption master secret
 * for the tickets to come ({@link ClientTickets}), and when post-handshake client authentication
 * (§4.6.2) was offered, its {@link PostHandshakeAuthentication} keeps the transcript hash up to the
 * client's Finished, which its exchanges continue.
 */
final class Connected implements State {

    private final HandshakeTransport transport;
    private final boolean client;
    private final CipherSuite suite;
    private final CryptoProvider crypto;
    private final ClientTickets tickets;
    private TLSNegotiatedConfiguration negotiated;
    private PostHandshakeAuthentication authentication;
    private byte[] readSecret;
    private byte[] writeSecret;

    Connected(Context context, KeySchedule schedule, TrafficSecrets application, Negotiation negotiation) {
        this(context, schedule, application, negotiation, null);
    }

    /** @param tickets where a client keeps the server's NewSessionTickets, or {@code null} to drop them */
    Connected(Context context, KeySchedule schedule, TrafficSecrets application, Negotiation negotiation,
            ClientTickets tickets) {
        this.tickets = tickets;
        this.transport = context.transport();
        this.client = context.client();
        this.suite = schedule.suite();
        this.crypto = context.crypto();
        this.negotiated = negotiation.toConfiguration();
        this.readSecret = application.read(client);
        this.writeSecret = application.write(client);
    }

    TLSNegotiatedConfiguration negotiated() {
        return negotiated;
    }

    /** Takes part in post-handshake client authentication (RFC 8446 §4.6.2) through {@code exchanges}. */
    Connected authenticatingWith(PostHandshakeAuthentication exchanges) {
        this.authentication = exchanges;
        return this;
    }

    /** Sends a post-handshake CertificateRequest, RFC 8446 §4.6.2, once {@link #checkClientCertificateRequest} passed. */
    void requestClientCertificate(boolean required) {
        ((ServerPostHandshakeAuth) authentication).request(required);
    }

    /** Whether this server waits for the client's answer to a post-handshake CertificateRequest. */
    boolean awaitingClientAuthentication() {
        return authentication instanceof ServerPostHandshakeAuth server && server.awaitingAnswer();
    }

    /**
     * @throws IllegalStateException on a client, when the client did not offer post_handshake_auth,
     *         when this server has no truststore, or while an earlier request is unanswered
     */
    void checkClientCertificateRequest() {
        if (!(authentication instanceof ServerPostHandshakeAuth server)) {
            throw new IllegalStateException(client
                    ? "only a server requests client authentication"
                    : "the client did not offer post_handshake_auth (RFC 8446 §4.2.6): it cannot be asked "
                            + "for a certificate after the handshake");
        }
        server.checkCanRequest();
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return false;
    }

    /**
     * KeyUpdate, NewSessionTicket on a client (kept as a resumable session when the connection has
     * a session cache, else parsed and dropped), and the messages of post-handshake
     * authentication; any other, or a CertificateRequest to a client that did not offer
     * post_handshake_auth, is unexpected_message (§4.6.2).
     */
    @Override
    public State handle(int type, byte[] message) {
        if (type == HandshakeType.KEY_UPDATE.code()) {
            KeyUpdate update = KeyUpdate.parse(Expect.body(message));
            readSecret = next(readSecret);
            transport.switchReadKeys(suite, readSecret);
            if (update.updateRequested()) {
                updateWriteKeys(false);
            }
        } else if (type == HandshakeType.NEW_SESSION_TICKET.code() && client) {
            NewSessionTicket ticket = NewSessionTicket.parse(Expect.body(message));
            if (tickets != null) {
                tickets.receive(ticket, negotiated);
            }
        } else if (authentication != null && authentication.accepts(type)) {
            TLSNegotiatedConfiguration changed =
                    authentication.receive(type, message, client ? writeSecret : readSecret);
            if (changed != null) {
                negotiated = changed;
            }
        } else {
            throw Expect.unexpected(type, "connected");
        }
        return this;
    }

    /** Sends a KeyUpdate and moves the sending direction to the next secret, RFC 8446 §4.6.3. */
    void updateWriteKeys(boolean requestPeerUpdate) {
        transport.sendHandshake(new KeyUpdate(requestPeerUpdate).toBytes());
        writeSecret = next(writeSecret);
        transport.switchWriteKeys(suite, writeSecret);
    }

    /**
     * application_traffic_secret_N+1 (RFC 8446 §7.2); the old one is zeroed. The key schedule is
     * made for the update rather than kept, so that an idle connection holds no HMAC instance.
     */
    private byte[] next(byte[] secret) {
        byte[] next = new KeySchedule(crypto, suite).nextApplicationTrafficSecret(secret);
        Arrays.fill(secret, (byte) 0);
        return next;
    }
}
