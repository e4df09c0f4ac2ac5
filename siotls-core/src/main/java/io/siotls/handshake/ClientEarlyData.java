package io.siotls.handshake;

import io.siotls.EarlyDataStatus;
import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EndOfEarlyData;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client's 0-RTT data, RFC 8446 §2.3 and §4.2.10: sent right after the first ClientHello under
 * the client_early_traffic_secret of the offered ticket, when that ticket announced a
 * max_early_data_size at least as large and the connection offers its ALPN protocol. The
 * server's EncryptedExtensions then says whether it was accepted: if so the client ends it with
 * EndOfEarlyData before its Finished (§4.5); if not (or after a HelloRetryRequest) the client
 * writes with the handshake keys at once. Rejected data is never sent again by the engine: only
 * the application knows whether it is safe to (§4.2.10, RFC 8470).
 */
final class ClientEarlyData {

    private final Context context;
    private final ClientTicket ticket;
    private final byte[] data;
    private boolean accepted;

    private ClientEarlyData(Context context, ClientTicket ticket, byte[] data) {
        this.context = context;
        this.ticket = ticket;
        this.data = data;
    }

    /**
     * The early data to send with {@code offer}, or {@code null} when there is none, no ticket is
     * offered, or the ticket does not allow it (too small a max_early_data_size, another ALPN
     * protocol): the status then stays NOT_OFFERED.
     */
    static ClientEarlyData plan(Context context, TicketOffer offer, byte[] data) {
        if (data == null || offer == null) {
            return null;
        }
        ClientTicket ticket = offer.ticket();
        boolean alpnFits = ticket.alpn() == null || context.policy().alpn().contains(ticket.alpn());
        boolean sizeFits = ticket.maxEarlyData() > 0 && ticket.maxEarlyData() >= data.length;
        return sizeFits && alpnFits ? new ClientEarlyData(context, ticket, data) : null;
    }

    /**
     * Sends the early data after {@code hello}: the change_cipher_spec of middlebox compatibility
     * mode first (RFC 8446 §D.4: right after the first ClientHello), then the data under the
     * client_early_traffic_secret = Derive-Secret(Early Secret of the ticket's PSK, "c e traffic",
     * ClientHello) (§7.1), logged.
     */
    void send(ClientHello hello) {
        HandshakeTransport transport = context.transport();
        if (hello.legacySessionId().length > 0) {
            transport.sendChangeCipherSpec();
        }
        CipherSuite suite = ticket.cipherSuite();
        TranscriptHash helloHash = new TranscriptHash();
        helloHash.selectHash(context.crypto(), suite.hashAlgorithm());
        helloHash.update(hello.toBytes());
        EarlySecret earlySecret = new KeySchedule(context.crypto(), suite).earlySecret(ticket.psk());
        byte[] secret = earlySecret.clientEarlyTrafficSecret(helloHash.current());
        earlySecret.forget();
        transport.logSecret("CLIENT_EARLY_TRAFFIC_SECRET", hello.random(), secret);
        transport.switchWriteKeys(suite, secret);
        Arrays.fill(secret, (byte) 0);
        transport.sendEarlyData(data);
        transport.earlyDataSettled(EarlyDataStatus.PENDING);
    }

    /** A HelloRetryRequest rejects the early data (RFC 8446 §4.2.10): the second ClientHello goes unprotected. */
    void rejectedByRetry() {
        context.transport().earlyDataSettled(EarlyDataStatus.REJECTED);
        context.transport().removeWriteProtection();
    }

    /**
     * The server's answer in EncryptedExtensions. Accepted (early_data present): the server must
     * have resumed the offered ticket with its cipher suite and ALPN protocol, else
     * illegal_parameter (RFC 8446 §4.2.10). Rejected: the client writes with its handshake keys
     * from now on.
     *
     * @param resumed whether the server resumed the offered ticket
     * @param alpn the protocol the server selected, or {@code null}
     */
    void answered(ExtensionBlock encryptedExtensions, boolean resumed, CipherSuite suite, String alpn,
            byte[] clientHandshakeSecret) {
        if (!encryptedExtensions.contains(ExtensionType.EARLY_DATA)) {
            context.transport().earlyDataSettled(EarlyDataStatus.REJECTED);
            context.transport().switchWriteKeys(suite, clientHandshakeSecret);
            return;
        }
        if (!resumed || suite != ticket.cipherSuite()) {
            throw new IllegalParameter("the server accepted early data without resuming the offered ticket with its"
                    + " cipher suite " + ticket.cipherSuite().ianaName() + " (RFC 8446 §4.2.10)");
        }
        if (!Objects.equals(alpn, ticket.alpn())) {
            throw new IllegalParameter("the server accepted early data with application protocol " + alpn
                    + ", not the ticket's " + ticket.alpn() + " (RFC 8446 §4.2.10)");
        }
        accepted = true;
        context.transport().earlyDataSettled(EarlyDataStatus.ACCEPTED);
    }

    /**
     * Before the client's second flight: EndOfEarlyData under the early keys when the data was
     * accepted (RFC 8446 §4.5), then the handshake keys; nothing when it was rejected (the keys
     * were switched then).
     */
    void end(TranscriptHash transcript, CipherSuite suite, byte[] clientHandshakeSecret) {
        if (accepted) {
            context.send(transcript, new EndOfEarlyData());
            context.transport().switchWriteKeys(suite, clientHandshakeSecret);
        }
    }
}
