package io.siotls.handshake;

import io.siotls.ExternalPsk;
import io.siotls.alerts.DecryptError;
import io.siotls.alerts.MissingExtension;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.PskIdentity;
import io.siotls.extensions.PskKeyExchangeModesExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.PskKeyExchangeMode;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.util.Arrays;
import java.util.List;

/**
 * The server's choice of a PSK and its key exchange mode, RFC 8446 §4.2.9 and §4.2.11: the mode
 * first (psk_dhe_ke whenever the client offers it and sent a usable key share; psk_ke only when
 * the configuration allows it), then a ticket of this server's ({@link OfferedTickets}), else an
 * external PSK whose identity the client lists, usable with the suite chosen. The binder of the
 * external PSK chosen is checked in constant time before anything else of the handshake relies
 * on it; a wrong one is decrypt_error. Identities no PSK matches are skipped: a full handshake
 * follows.
 */
final class OfferedPsks {

    private OfferedPsks() {
    }

    /**
     * The mode of a PSK handshake with this ClientHello, or {@code null} when none is possible:
     * psk_dhe_ke when offered and {@code keyShare}, else psk_ke when offered and allowed.
     *
     * @throws MissingExtension pre_shared_key without psk_key_exchange_modes (RFC 8446 §4.2.9)
     */
    static PskKeyExchangeMode mode(Context context, ClientHello hello, boolean keyShare) {
        if (!hello.extensions().contains(ExtensionType.PRE_SHARED_KEY)) {
            return null;
        }
        PskKeyExchangeModesExtension modes =
                hello.extensions().get(ExtensionType.PSK_KEY_EXCHANGE_MODES, PskKeyExchangeModesExtension.class);
        if (modes == null) {
            throw new MissingExtension("the ClientHello offers pre_shared_key without psk_key_exchange_modes"
                    + " (RFC 8446 §4.2.9)");
        }
        if (keyShare && modes.modes().contains(PskKeyExchangeMode.PSK_DHE_KE.code())) {
            return PskKeyExchangeMode.PSK_DHE_KE;
        }
        if (context.config().pskKeWithoutForwardSecrecy() && modes.modes().contains(PskKeyExchangeMode.PSK_KE.code())) {
            return PskKeyExchangeMode.PSK_KE;
        }
        return null;
    }

    /**
     * The first of the server's cipher suites, offered by the client, that an external PSK the
     * ClientHello names may be used with; {@code null} when it names none (RFC 8446 §4.1.1 and
     * §4.2.11: a PSK is used only with a suite of its hash).
     */
    static CipherSuite suiteForExternalPsk(Context context, ClientHello hello) {
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        if (offer == null || context.config().externalPsks().isEmpty()) {
            return null;
        }
        List<PskIdentity> identities = offer.identities();
        for (int index = 0; index < Math.min(identities.size(), OfferedTickets.MAX_IDENTITIES_TRIED); index++) {
            ExternalPsk psk = context.config().externalPsk(identities.get(index).identity());
            if (psk == null) {
                continue;
            }
            for (CipherSuite suite : context.policy().cipherSuites()) {
                if (psk.fits(suite) && hello.cipherSuites().contains(suite.code())) {
                    return suite;
                }
            }
        }
        return null;
    }

    /**
     * The PSK to use, or {@code null} for a full handshake.
     *
     * @param message the ClientHello as received, header included, the last bytes its binders
     * @param transcript the transcript before this ClientHello (§4.2.11.2)
     */
    static AcceptedPsk choose(Context context, ClientHello hello, byte[] message, TranscriptHash transcript,
            KeySchedule schedule) {
        AcceptedTicket ticket = OfferedTickets.choose(context, hello, message, transcript, schedule);
        if (ticket != null || context.config().externalPsks().isEmpty()) {
            return ticket;
        }
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        List<PskIdentity> identities = offer.identities();
        for (int index = 0; index < Math.min(identities.size(), OfferedTickets.MAX_IDENTITIES_TRIED); index++) {
            ExternalPsk psk = context.config().externalPsk(identities.get(index).identity());
            if (psk != null && psk.fits(schedule.suite())) {
                byte[] key = psk.key();
                EarlySecret earlySecret = schedule.earlySecretOfExternalPsk(key);
                Arrays.fill(key, (byte) 0);
                byte[] truncatedHash = transcript.currentWith(message, message.length - offer.bindersLength());
                if (!earlySecret.verifyExternalBinder(truncatedHash, offer.binders().get(index))) {
                    earlySecret.forget();
                    throw new DecryptError("the binder of external PSK '" + psk.printableIdentity() + "' (identity "
                            + index + ") is wrong: the client holds another key under that identity");
                }
                return new AcceptedExternalPsk(index, psk, earlySecret);
            }
        }
        return null;
    }
}
