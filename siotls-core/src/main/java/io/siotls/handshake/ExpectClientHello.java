package io.siotls.handshake;

import io.siotls.EarlyDataStatus;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.PskKeyExchangeMode;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.util.List;

/**
 * Waiting for the ClientHello, RFC 8446 §4.1.2, or for the second one after a
 * HelloRetryRequest ({@code retry} not null). It checks the hello, picks the cipher suite and
 * the key share, and hands the rest to a HelloRetryRequest or to the {@link ServerFirstFlight}:
 * a full handshake, a resumed one when it offers a ticket of ours, or one authenticated by an
 * external PSK ({@link OfferedPsks}); psk_ke when allowed and offered without a usable key share.
 */
final class ExpectClientHello extends Expect {

    /**
     * How much rejected early data is skipped at least (RFC 8446 §4.2.10): the client may have
     * a ticket of another server, or of this one before it took less; 16 KiB is OpenSSL's default.
     */
    private static final int REJECTED_EARLY_DATA_LIMIT = 16384;

    private final Context context;
    private final TranscriptHash transcript;
    private final HelloRetry retry;

    ExpectClientHello(Context context, TranscriptHash transcript, HelloRetry retry) {
        super(HandshakeType.CLIENT_HELLO);
        this.context = context;
        this.transcript = transcript;
        this.retry = retry;
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return retry != null;
    }

    @Override
    State on(byte[] message) {
        ClientHello hello = ClientHello.parse(body(message));
        requireTls13(hello);
        if (hello.legacyCompressionMethods().length != 1 || hello.legacyCompressionMethods()[0] != 0) {
            throw new IllegalParameter("legacy_compression_methods must be exactly [null] in TLS 1.3");
        }
        if (retry != null) {
            retry.checkSecondClientHello(hello);
        }
        rejectEarlyData(hello.extensions());
        CipherSuite suite = retry != null ? retry.suite() : negotiateCipherSuite(hello);
        List<Integer> groups = checkKeyShares(hello);
        if (retry == null) {
            transcript.selectHash(context.crypto(), suite.hashAlgorithm());
        }
        KeyShareEntry share = chooseKeyShare(groups, hello);
        boolean pskKeOnly = share == null && retry == null && !hasGroupInCommon(groups)
                && OfferedPsks.mode(context, hello, false) == PskKeyExchangeMode.PSK_KE;
        if (share == null && !pskKeOnly) {
            transcript.update(message);
            HelloRetry sent = HelloRetry.send(context, transcript, hello, suite, chooseRetryGroup(groups));
            return new ExpectClientHello(context, transcript, sent);
        }
        KeySchedule schedule = new KeySchedule(context.crypto(), suite);
        PskKeyExchangeMode mode = OfferedPsks.mode(context, hello, share != null);
        AcceptedPsk psk = mode == null ? null : OfferedPsks.choose(context, hello, message, transcript, schedule);
        if (psk == null) {
            refuseFullHandshake(share);
        }
        transcript.update(message);
        ServerFirstFlight flight = new ServerFirstFlight(context, transcript, hello, suite, schedule,
                psk != null && mode == PskKeyExchangeMode.PSK_KE ? null : share, retry == null);
        if (psk instanceof AcceptedTicket ticket) {
            return flight.resume(ticket);
        }
        return psk instanceof AcceptedExternalPsk external ? flight.authenticate(external) : flight.send();
    }

    /**
     * Refuses a full handshake this server cannot make, RFC 8446 §4.1.1 (handshake_failure): the
     * client offered psk_ke only, with no key share, and no PSK was accepted; or this server
     * authenticates with external PSKs only and the client offered none of them.
     */
    private void refuseFullHandshake(KeyShareEntry share) {
        if (share == null) {
            throw new HandshakeFailure("the client offers no key share this server accepts ("
                    + context.policy().keyExchanges() + ") and no PSK it accepts for psk_ke");
        }
        ConnectionPolicy policy = context.policy();
        boolean hasCredential = !policy.config().signingChains().isEmpty() || policy.signingChainSelector() != null
                || policy.config().privateKey() != null;
        if (!hasCredential) {
            throw new HandshakeFailure("this server authenticates with external PSKs only, and the client offers none"
                    + " of them (or none usable with its cipher suite): a full handshake needs a certificate");
        }
    }

    private boolean hasGroupInCommon(List<Integer> clientGroups) {
        return context.policy().keyExchanges().stream().anyMatch(group -> clientGroups.contains(group.code()));
    }

    /**
     * RFC 8446 §4.2.1: without supported_versions listing TLS 1.3, the client speaks another
     * version; RFC 8446 §D.5: a legacy_version of SSL 3.0 (0x0300) or less is refused whatever
     * supported_versions says.
     */
    private static void requireTls13(ClientHello hello) {
        if (hello.legacyVersion() < TLSVersion.TLS_1_0.code()) {
            throw new ProtocolVersion(String.format("the ClientHello's legacy_version 0x%04x is SSL 3.0 or older",
                    hello.legacyVersion()));
        }
        SupportedVersionsExtension versions =
                hello.extensions().get(ExtensionType.SUPPORTED_VERSIONS, SupportedVersionsExtension.class);
        if (versions == null || !versions.versions().contains(TLSVersion.TLS_1_3.code())) {
            throw new ProtocolVersion("the client does not offer TLS 1.3, the only version this server speaks");
        }
    }

    /**
     * Early data is skipped unless the resumed ticket lets it in ({@link ServerEarlyData}, which
     * stops the skipping): records that fail to open under the handshake keys, or, while a
     * HelloRetryRequest is answered, application_data records (RFC 8446 §4.2.10), up to the
     * configured max_early_data_size (16 KiB, OpenSSL's default, when this server takes none).
     * A second ClientHello must not offer early data again.
     */
    private void rejectEarlyData(ExtensionBlock extensions) {
        EarlyDataExtension.requireEmptyIn(extensions, "ClientHello");
        boolean offered = extensions.contains(ExtensionType.EARLY_DATA);
        if (offered && retry != null) {
            throw new IllegalParameter("the second ClientHello offers early_data (RFC 8446 §4.2.10)");
        }
        int limit = Math.max(REJECTED_EARLY_DATA_LIMIT, context.maxEarlyData());
        context.transport().skipRejectedEarlyData(offered ? limit : 0);
        if (offered && retry == null) {
            context.transport().earlyDataSettled(EarlyDataStatus.REJECTED);
        }
    }

    /**
     * RFC 8446 §4.1.1: the first of the server's cipher suites the client offers, among those an
     * external PSK the client offers may be used with when there is one (§4.2.11: the suite must
     * have the PSK's hash).
     */
    private CipherSuite negotiateCipherSuite(ClientHello hello) {
        CipherSuite forPsk = OfferedPsks.suiteForExternalPsk(context, hello);
        if (forPsk != null) {
            return forPsk;
        }
        for (CipherSuite suite : context.policy().cipherSuites()) {
            if (hello.cipherSuites().contains(suite.code())) {
                return suite;
            }
        }
        throw new HandshakeFailure("no cipher suite in common: the client offers " + hello.cipherSuites()
                + ", this server accepts " + context.policy().cipherSuites());
    }

    /**
     * The extensions a (EC)DHE handshake requires (RFC 8446 §9.2: signature_algorithms too,
     * unless a PSK is offered, checked when a full handshake needs it), each key share for a
     * supported group (§4.2.8) and none for an obsolete one (§4.2.7); returns the client's groups,
     * none when it offers a PSK without supported_groups and key_share (psk_ke, §9.2).
     */
    private static List<Integer> checkKeyShares(ClientHello hello) {
        ExtensionBlock extensions = hello.extensions();
        if (extensions.contains(ExtensionType.PRE_SHARED_KEY) && !extensions.contains(ExtensionType.SUPPORTED_GROUPS)
                && !extensions.contains(ExtensionType.KEY_SHARE)) {
            return List.of();
        }
        SupportedGroupsExtension groups = require(extensions, ExtensionType.SUPPORTED_GROUPS, SupportedGroupsExtension.class);
        KeyShareExtension keyShares = require(extensions, ExtensionType.KEY_SHARE, KeyShareExtension.class);
        if (!extensions.contains(ExtensionType.PRE_SHARED_KEY)) {
            require(extensions, ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class);
        }
        for (KeyShareEntry entry : keyShares.entries()) {
            if (!groups.groups().contains(entry.group())) {
                throw new IllegalParameter("key_share holds a share for group " + entry.group()
                        + ", which supported_groups does not list");
            }
        }
        refuseObsoleteGroups(hello, groups.groups());
        return groups.groups();
    }

    /**
     * RFC 8446 §4.2.7: the obsolete groups of earlier versions "MUST NOT be offered or negotiated
     * by TLS 1.3 implementations". A client that offers TLS 1.3 only and lists one anyway is
     * refused with illegal_parameter; a client that also offers TLS 1.2 may list them for that
     * version, and they are ignored (its key_share, checked above against supported_groups,
     * cannot hold one without the same refusal).
     */
    private static void refuseObsoleteGroups(ClientHello hello, List<Integer> groups) {
        SupportedVersionsExtension versions =
                hello.extensions().get(ExtensionType.SUPPORTED_VERSIONS, SupportedVersionsExtension.class);
        boolean onlyTls13 = versions.versions().stream().allMatch(version -> version >= TLSVersion.TLS_1_3.code()
                || (version & 0x0f0f) == 0x0a0a);
        for (KeyShareEntry entry : hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries()) {
            if (NamedGroup.isObsolete(entry.group())) {
                throw new IllegalParameter("key_share holds a share for obsolete group " + entry.group()
                        + " (RFC 8446 §4.2.7)");
            }
        }
        if (!onlyTls13) {
            return;
        }
        for (int group : groups) {
            if (NamedGroup.isObsolete(group)) {
                throw new IllegalParameter("supported_groups lists obsolete group " + group
                        + " in a ClientHello offering only TLS 1.3 (RFC 8446 §4.2.7)");
            }
        }
    }

    private static <T extends Extension> T require(ExtensionBlock block, ExtensionType type, Class<T> shape) {
        T extension = block.get(type, shape);
        if (extension == null) {
            throw new MissingExtension("the ClientHello has no " + type.ianaName() + " extension");
        }
        return extension;
    }

    /** RFC 8446 §4.2.8: the first of the server's groups that the client both supports and sent a share for. */
    private KeyShareEntry chooseKeyShare(List<Integer> clientGroups, ClientHello hello) {
        if (clientGroups.isEmpty()) {
            return null;
        }
        List<KeyShareEntry> shares = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries();
        for (NamedGroup group : context.policy().keyExchanges()) {
            if (!clientGroups.contains(group.code())) {
                continue;
            }
            for (KeyShareEntry share : shares) {
                if (share.group() == group.code()) {
                    return share;
                }
            }
        }
        return null;
    }

    /** RFC 8446 §4.1.4: the group a HelloRetryRequest asks for; a second one is never sent. */
    private NamedGroup chooseRetryGroup(List<Integer> clientGroups) {
        if (retry != null) {
            throw new IllegalParameter("the second ClientHello has no share for the group the HelloRetryRequest asked for");
        }
        for (NamedGroup group : context.policy().keyExchanges()) {
            if (clientGroups.contains(group.code())) {
                return group;
            }
        }
        throw new HandshakeFailure("no key exchange group in common: the client supports " + clientGroups
                + ", this server accepts " + context.policy().keyExchanges());
    }
}
