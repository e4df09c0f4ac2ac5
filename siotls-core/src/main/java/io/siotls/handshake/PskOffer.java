package io.siotls.handshake;

import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.Extension;
import io.siotls.iana.CipherSuite;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;

/**
 * The PSK a client offers in its ClientHello, RFC 8446 §4.2.11: a ticket ({@link TicketOffer})
 * or an external PSK ({@link ExternalPskOffer}), one identity either way. The ClientHello carries
 * its pre_shared_key last, first with a zeroed binder ({@link #placeholder}), then bound
 * ({@link #bind}); the ServerHello's selection is checked by {@link #select}.
 */
interface PskOffer {

    /** Whether the offer may stand with {@code suite}, the PSK's hash being the suite's (§4.2.11). */
    boolean fits(CipherSuite suite);

    /** pre_shared_key with a zeroed binder, the last extension of a ClientHello being built. */
    Extension placeholder();

    /**
     * {@code hello} with its binder computed over {@code before} (empty, or ClientHello1's
     * message_hash and the HelloRetryRequest) and the ClientHello up to its binders (§4.2.11.2).
     */
    ClientHello bind(ClientHello hello, TranscriptHash before);

    /**
     * The server selected identity {@code selectedIdentity} with {@code schedule}'s suite: checks
     * it (illegal_parameter for an identity not offered or a suite of another hash, §4.2.11),
     * records in {@code negotiation} what the PSK stands for, and returns its Early Secret.
     */
    EarlySecret select(int selectedIdentity, KeySchedule schedule, Negotiation negotiation);

    /**
     * Checks the ServerHello's selected_identity against the one identity offered: any other
     * index is illegal_parameter (RFC 8446 §4.2.11).
     */
    static void requireOfferedIdentity(int selectedIdentity) {
        if (selectedIdentity != 0) {
            throw new IllegalParameter("the server selected PSK identity " + selectedIdentity + ", but 1 was offered"
                    + " (RFC 8446 §4.2.11)");
        }
    }

    /** Zeroes the PSK: the handshake no longer needs it. */
    void forget();
}
