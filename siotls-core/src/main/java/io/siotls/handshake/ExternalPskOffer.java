package io.siotls.handshake;

import io.siotls.ExternalPsk;
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
import java.util.Arrays;
import java.util.List;

/**
 * The external PSK a client offers, RFC 8446 §4.2.11: its identity with an obfuscated_ticket_age
 * of 0 ("for identities established externally, an obfuscated_ticket_age of 0 SHOULD be used"),
 * its binder keyed from "ext binder" (§7.1). A server that does not select it answers with a
 * full handshake, whose certificate the client verifies as usual.
 */
final class ExternalPskOffer implements PskOffer {

    private final Context context;
    private final ExternalPsk psk;
    /** A suite of the PSK's hash, for the key schedule of the binder (which depends only on the hash). */
    private final CipherSuite binderSuite;

    private ExternalPskOffer(Context context, ExternalPsk psk, CipherSuite binderSuite) {
        this.context = context;
        this.psk = psk;
        this.binderSuite = binderSuite;
    }

    /** The offer of this connection's configured external PSK, or {@code null} when none is usable with its suites. */
    static ExternalPskOffer of(Context context) {
        List<ExternalPsk> psks = context.config().externalPsks();
        if (psks.isEmpty()) {
            return null;
        }
        ExternalPsk psk = psks.get(0);
        for (CipherSuite suite : context.policy().cipherSuites()) {
            if (psk.fits(suite)) {
                return new ExternalPskOffer(context, psk, suite);
            }
        }
        return null;
    }

    @Override
    public boolean fits(CipherSuite suite) {
        return psk.fits(suite);
    }

    @Override
    public Extension placeholder() {
        return extension(new byte[binderSuite.hashLength()]);
    }

    @Override
    public ClientHello bind(ClientHello hello, TranscriptHash before) {
        PreSharedKeyExtension unbound = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        if (unbound == null) {
            return hello;
        }
        byte[] truncatedHash = PskBinding.truncatedTranscriptHash(context, hello, unbound, before,
                psk.hashAlgorithm());
        byte[] key = psk.key();
        EarlySecret earlySecret = new KeySchedule(context.crypto(), binderSuite).earlySecretOfExternalPsk(key);
        Arrays.fill(key, (byte) 0);
        byte[] binder = earlySecret.externalBinder(truncatedHash);
        earlySecret.forget();
        return PskBinding.withPreSharedKey(hello, extension(binder));
    }

    @Override
    public EarlySecret select(int selectedIdentity, KeySchedule schedule, Negotiation negotiation) {
        PskOffer.requireOfferedIdentity(selectedIdentity);
        if (!psk.fits(schedule.suite())) {
            throw new IllegalParameter("the server selected external PSK '" + psk.printableIdentity() + "' with "
                    + schedule.suite().ianaName() + ", which it is not for (RFC 8446 §4.2.11)");
        }
        negotiation.externalPskIdentity = psk.identity();
        byte[] key = psk.key();
        try {
            return schedule.earlySecretOfExternalPsk(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Nothing to zero: the configuration keeps the key, and each use zeroes its copy. */
    @Override
    public void forget() {
    }

    private PreSharedKeyExtension extension(byte[] binder) {
        return PreSharedKeyExtension.offer(List.of(new PskIdentity(psk.identity(), 0)), List.of(binder));
    }
}
