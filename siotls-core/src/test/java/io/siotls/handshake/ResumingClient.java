package io.siotls.handshake;

import io.siotls.TLSConfiguration;
import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.PskIdentity;
import io.siotls.extensions.PskKeyExchangeModesExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.NewSessionTicket;
import io.siotls.wire.TLSReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The client half of a resumption, scripted message by message: this engine's client does not
 * resume yet. It takes a ticket's PSK by opening the ticket with the server's own keys (a test
 * may; a client derives it from its resumption master secret), writes the ClientHello offering
 * it with a binder computed as RFC 8446 §4.2.11.2 says, and the client Finished of a resumed
 * handshake from the client handshake traffic secret the server switched its reading to.
 */
final class ResumingClient {

    /** One ticket as a client keeps it: the NewSessionTicket, its PSK, when it arrived. */
    record Ticket(NewSessionTicket message, byte[] psk, Instant received) {

        /** The offer of this ticket {@code age} after it arrived, with the right obfuscated age. */
        Offer offer(Duration age) {
            return new Offer(message.ticket(), (age.toMillis() + message.ageAdd()) & 0xffffffffL, psk);
        }
    }

    /**
     * One PSK identity and the PSK its binder is computed with ({@code null}: a binder of zeros).
     */
    record Offer(byte[] identity, long obfuscatedAge, byte[] psk) {
    }

    private ResumingClient() {
    }

    static NewSessionTicket parseTicket(byte[] message) {
        return NewSessionTicket.parse(new TLSReader(message, 4, message.length - 4));
    }

    /** A ticket of {@code message}, its PSK taken from the ticket with {@code server}'s keys. */
    static Ticket ticket(byte[] message, TLSConfiguration server, Instant now) {
        NewSessionTicket ticket = parseTicket(message);
        SessionState state = SessionState.decode(server.sessionTicketKeys().open(ticket.ticket(), now));
        return new Ticket(ticket, state.psk(), now);
    }

    static ClientHello parseHello(byte[] message) {
        return ClientHello.parse(new TLSReader(message, 4, message.length - 4));
    }

    /**
     * {@code base} offering {@code offers} as its last extension, with psk_key_exchange_modes
     * {@code modes}, binders over {@code before} (the transcript before this hello: empty, or
     * ClientHello1 and HelloRetryRequest) and the hello up to its binders; {@code edit} changes
     * the other extensions first.
     */
    static byte[] hello(ClientHello base, List<Offer> offers, List<Integer> modes, CipherSuite suite,
            TranscriptHash before, UnaryOperator<List<Extension>> edit) {
        List<Extension> extensions = new ArrayList<>();
        for (Extension extension : base.extensions().list()) {
            int type = extension.typeCode();
            if (type != ExtensionType.PRE_SHARED_KEY.code() && type != ExtensionType.PSK_KEY_EXCHANGE_MODES.code()) {
                extensions.add(extension);
            }
        }
        extensions.add(new PskKeyExchangeModesExtension(modes));
        extensions = new ArrayList<>(edit.apply(extensions));
        List<PskIdentity> identities = offers.stream()
                .map(offer -> new PskIdentity(offer.identity(), offer.obfuscatedAge())).toList();
        List<byte[]> zeros = offers.stream().map(offer -> new byte[suite.hashLength()]).toList();
        byte[] unbound = withOffer(base, extensions, PreSharedKeyExtension.offer(identities, zeros)).toBytes();
        int truncated = unbound.length - PreSharedKeyExtension.offer(identities, zeros).bindersLength();
        byte[] truncatedHash = before.currentWith(unbound, truncated);
        KeySchedule schedule = new KeySchedule(CryptoProvider.getDefault(), suite);
        List<byte[]> binders = offers.stream().map(offer -> offer.psk() == null ? new byte[suite.hashLength()]
                : schedule.earlySecret(offer.psk()).resumptionBinder(truncatedHash)).toList();
        return withOffer(base, extensions, PreSharedKeyExtension.offer(identities, binders)).toBytes();
    }

    /** {@link #hello} with no transcript before it and the extensions unchanged. */
    static byte[] hello(ClientHello base, List<Offer> offers, CipherSuite suite) {
        return hello(base, offers, List.of(1), suite, emptyTranscript(suite), UnaryOperator.identity());
    }

    static TranscriptHash emptyTranscript(CipherSuite suite) {
        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CryptoProvider.getDefault(), suite.hashAlgorithm());
        return transcript;
    }

    private static ClientHello withOffer(ClientHello base, List<Extension> extensions, PreSharedKeyExtension offer) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(offer);
        return new ClientHello(base.legacyVersion(), base.random(), base.legacySessionId(), base.cipherSuites(),
                base.legacyCompressionMethods(), ExtensionBlock.of(all));
    }
}
