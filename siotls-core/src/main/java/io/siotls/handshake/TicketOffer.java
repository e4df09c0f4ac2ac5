package io.siotls.handshake;

import io.siotls.ClientSessionCache;
import io.siotls.ResumableSession;
import io.siotls.SessionKey;
import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.Extension;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.PskIdentity;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.util.List;

/**
 * The ticket a client offers in its ClientHello (RFC 8446 §4.2.11): one identity, the newest
 * usable ticket of its peer, taken out of the cache so that it is never offered twice (§C.4).
 * It writes pre_shared_key, the last extension, with the binder over the ClientHello truncated
 * before the binders (§4.2.11.2), and checks the server's selection (§4.2.11).
 */
final class TicketOffer implements PskOffer {

    private final Context context;
    private final ClientTicket ticket;
    /** The identity of the ClientHello being built: its obfuscated age is taken once per ClientHello. */
    private PskIdentity identity;

    private TicketOffer(Context context, ClientTicket ticket) {
        this.context = context;
        this.ticket = ticket;
    }

    /** The offer of this connection: the newest ticket of its peer it may use, or {@code null}. */
    static TicketOffer take(Context context) {
        ClientSessionCache cache = context.policy().sessionCache();
        SessionKey key = context.policy().sessionKey();
        if (cache == null || key == null) {
            return null;
        }
        ResumableSession taken = cache.take(key, context.clock().instant(),
                session -> session instanceof ClientTicket candidate && candidate.usableBy(context.policy()));
        return taken == null ? null : new TicketOffer(context, (ClientTicket) taken);
    }

    ClientTicket ticket() {
        return ticket;
    }

    /**
     * Whether the offer still stands after a HelloRetryRequest choosing {@code suite}: a PSK whose
     * hash is not the suite's cannot be used, and is dropped from the second ClientHello
     * (RFC 8446 §4.1.4, §4.2.11).
     */
    @Override
    public boolean fits(CipherSuite suite) {
        return ticket.cipherSuite().hashAlgorithm().equals(suite.hashAlgorithm());
    }

    /**
     * pre_shared_key with zeroed binders, added last to the ClientHello before {@link #bind}; the
     * ticket's age is taken now (RFC 8446 §4.1.2: recomputed for a second ClientHello).
     */
    @Override
    public Extension placeholder() {
        identity = new PskIdentity(ticket.ticket(), ticket.obfuscatedAge(context.clock().instant()));
        return extension(new byte[ticket.cipherSuite().hashLength()]);
    }

    /**
     * {@code hello} with the binder of its pre_shared_key computed, RFC 8446 §4.2.11.2: over
     * {@code before} (empty for ClientHello1; ClientHello1's message_hash and the
     * HelloRetryRequest for ClientHello2) and the ClientHello up to its binders list.
     */
    @Override
    public ClientHello bind(ClientHello hello, TranscriptHash before) {
        PreSharedKeyExtension unbound = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        if (unbound == null) {
            return hello;
        }
        byte[] truncatedHash = PskBinding.truncatedTranscriptHash(context, hello, unbound, before,
                ticket.cipherSuite().hashAlgorithm());
        EarlySecret earlySecret = new KeySchedule(context.crypto(), ticket.cipherSuite()).earlySecret(ticket.psk());
        byte[] binder = earlySecret.resumptionBinder(truncatedHash);
        earlySecret.forget();
        return PskBinding.withPreSharedKey(hello, extension(binder));
    }

    private PreSharedKeyExtension extension(byte[] binder) {
        return PreSharedKeyExtension.offer(List.of(identity), List.of(binder));
    }

    /**
     * The ticket the ServerHello selected, RFC 8446 §4.2.11: selected_identity must be one
     * offered, and the suite chosen must have the hash of the ticket's, else illegal_parameter.
     */
    ClientTicket accept(int selectedIdentity, CipherSuite suite) {
        PskOffer.requireOfferedIdentity(selectedIdentity);
        if (!fits(suite)) {
            throw new IllegalParameter("the server resumed a " + ticket.cipherSuite().hashAlgorithm() + " ticket with "
                    + suite.ianaName() + " (RFC 8446 §4.2.11: the suite must have the PSK's hash)");
        }
        return ticket;
    }

    /** The ticket selected (see {@link #accept}); the resumed session's server identity is the one that issued it. */
    @Override
    public EarlySecret select(int selectedIdentity, KeySchedule schedule, Negotiation negotiation) {
        ClientTicket resumed = accept(selectedIdentity, schedule.suite());
        negotiation.resumed = true;
        negotiation.peerCertificateChain = resumed.peerChain();
        negotiation.peerPublicKey = resumed.peerPublicKey();
        negotiation.serverCertificateType = resumed.serverCertificateType();
        return schedule.earlySecret(resumed.psk());
    }

    /** Zeroes the ticket's PSK: the handshake no longer needs it. */
    @Override
    public void forget() {
        ticket.forget();
    }
}
