package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.alerts.DecryptError;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.PskIdentity;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.time.Instant;
import java.util.List;

/**
 * The server's choice among the tickets a ClientHello offers (once {@link OfferedPsks} chose the
 * key exchange mode), RFC 8446 §4.2.11: the first that
 * opens under this server's ticket keys and may be resumed now, on this connection, with the
 * suite chosen — then its binder, checked in constant time before anything else of the ticket is
 * trusted. A ticket that fails a check is skipped (a full handshake follows, never an alert); a
 * wrong binder on the chosen one is decrypt_error.
 */
final class OfferedTickets {

    /**
     * Identities tried at most: each costs an AES-GCM opening, and a ClientHello may list
     * thousands of them.
     */
    static final int MAX_IDENTITIES_TRIED = 16;

    private OfferedTickets() {
    }

    /**
     * The ticket to resume, or {@code null} for a full handshake.
     *
     * @param message the ClientHello as received, header included, the last bytes its binders
     * @param transcript the transcript before this ClientHello: empty, or ClientHello1 and
     *        HelloRetryRequest, which the binders cover too (§4.2.11.2)
     */
    static AcceptedTicket choose(Context context, ClientHello hello, byte[] message, TranscriptHash transcript,
            KeySchedule schedule) {
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        if (offer == null) {
            return null;
        }
        if (context.config().sessionTickets() == 0) {
            return null;
        }
        Instant now = context.clock().instant();
        List<PskIdentity> identities = offer.identities();
        for (int index = 0; index < Math.min(identities.size(), MAX_IDENTITIES_TRIED); index++) {
            SessionState session = resumable(context, hello, identities.get(index), schedule.suite(), now);
            if (session != null) {
                EarlySecret earlySecret = schedule.earlySecret(session.psk());
                byte[] truncatedHash = transcript.currentWith(message, message.length - offer.bindersLength());
                if (!earlySecret.verifyResumptionBinder(truncatedHash, offer.binders().get(index))) {
                    throw new DecryptError("the binder of the resumed ticket (identity " + index + ") is wrong");
                }
                return new AcceptedTicket(index, session, earlySecret);
            }
        }
        return null;
    }

    /** The session of one identity, when it is this server's ticket and may be resumed here and now. */
    private static SessionState resumable(Context context, ClientHello hello, PskIdentity identity, CipherSuite suite,
            Instant now) {
        byte[] opened = context.config().sessionTicketKeys().open(identity.identity(), now);
        SessionState session = opened == null ? null : SessionState.decode(opened);
        if (session == null) {
            return null;
        }
        ConnectionPolicy policy = context.policy();
        boolean suiteFits = policy.cipherSuites().contains(session.suite())
                && session.suite().hashAlgorithm().equals(suite.hashAlgorithm());
        boolean peerFits = policy.clientAuthentication() != ClientAuthentication.REQUIRED
                || session.peerPublicKey() != null;
        ServerNameExtension sni = hello.extensions().get(ExtensionType.SERVER_NAME, ServerNameExtension.class);
        boolean sameName = session.sameServerName(sni == null ? null : sni.hostName());
        return suiteFits && peerFits && sameName && session.acceptableAt(now, identity.obfuscatedTicketAge())
                ? session : null;
    }
}
