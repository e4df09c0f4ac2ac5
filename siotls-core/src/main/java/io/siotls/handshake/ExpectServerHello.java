package io.siotls.handshake;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.extensions.CookieExtension;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.ServerHello;
import io.siotls.wire.TLSReader;
import java.util.Arrays;

/**
 * Waiting for the ServerHello, RFC 8446 §4.1.3, or a HelloRetryRequest (§4.1.4) while no
 * retry happened yet ({@code retrySuite} null): it holds the ClientHello sent and the key pairs
 * of its shares.
 */
final class ExpectServerHello extends Expect {

    /** The last 8 bytes of ServerHello.random of a TLS 1.3 server negotiating TLS 1.2, RFC 8446 §4.1.3. */
    private static final byte[] DOWNGRADE_TLS12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
    /** The same, negotiating TLS 1.1 or below. */
    private static final byte[] DOWNGRADE_TLS11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

    private final Context context;
    private final TranscriptHash transcript;
    private final ClientHelloBuilder hellos;
    private final ClientHello sent;
    private final ClientKeyShares shares;
    private final CipherSuite retrySuite;
    private final PskOffer offer;
    private final ClientEarlyData early;

    /**
     * @param offer the PSK {@code sent} offers (a ticket or an external PSK), or {@code null}
     * @param early the 0-RTT data sent after {@code sent}, or {@code null}
     */
    ExpectServerHello(Context context, TranscriptHash transcript, ClientHelloBuilder hellos, ClientHello sent,
            ClientKeyShares shares, CipherSuite retrySuite, PskOffer offer, ClientEarlyData early) {
        super(HandshakeType.SERVER_HELLO);
        this.context = context;
        this.transcript = transcript;
        this.hellos = hellos;
        this.sent = sent;
        this.shares = shares;
        this.retrySuite = retrySuite;
        this.offer = offer;
        this.early = early;
    }

    @Override
    State on(byte[] message) {
        requireTls13ServerHello(message);
        ServerHello hello = ServerHello.parse(body(message));
        CipherSuite suite = checkServerHelloCommon(hello);
        if (hello.isHelloRetryRequest()) {
            return onHelloRetryRequest(hello, suite, message);
        }
        KeyShareExtension keyShare = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        PreSharedKeyExtension selected = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        requireKeyShareOrPskKe(keyShare, selected);
        KeySchedule schedule = new KeySchedule(context.crypto(), suite);
        Negotiation negotiation = new Negotiation();
        negotiation.cipherSuite = suite;
        byte[] sharedSecret;
        if (keyShare == null) {
            sharedSecret = new byte[suite.hashLength()];
        } else {
            KeyShareEntry serverShare = keyShare.serverEntry();
            negotiation.keyExchange = NamedGroup.fromCode(serverShare.group());
            sharedSecret = shares.sharedSecret(serverShare);
        }
        EarlySecret earlySecret = selected == null ? schedule.earlySecretWithoutPsk()
                : offer.select(selected.selectedIdentity(), schedule, negotiation);
        transcript.update(message);
        if (offer != null) {
            offer.forget();
        }
        ClientKeys keys = switchToHandshakeKeys(schedule, earlySecret, sharedSecret);
        Arrays.fill(sharedSecret, (byte) 0);
        return new ExpectEncryptedExtensions(context, transcript, sent, keys, negotiation, selected != null);
    }

    /**
     * A ServerHello without key_share is psk_ke (RFC 8446 §4.2.9): only with a PSK selected (an
     * unoffered pre_shared_key was refused as an unoffered extension already) and psk_ke offered.
     */
    private void requireKeyShareOrPskKe(KeyShareExtension keyShare, PreSharedKeyExtension selected) {
        if (keyShare != null) {
            return;
        }
        if (selected == null) {
            throw new MissingExtension("the ServerHello has no key_share and selects no PSK: a full handshake needs"
                    + " a key exchange (RFC 8446 §4.1.3)");
        }
        if (!context.config().pskKeWithoutForwardSecrecy()) {
            throw new MissingExtension("the ServerHello has no key_share, which is psk_ke, and this client offered"
                    + " psk_dhe_ke only (RFC 8446 §4.2.9)");
        }
    }

    /**
     * The Handshake Secret of the shared secret and its traffic secrets (RFC 8446 §7.1): the
     * client reads with the server's at once, and writes with its own after the one
     * change_cipher_spec of middlebox compatibility mode (§D.4) — unless early data is in flight:
     * its change_cipher_spec went after the ClientHello, and the write key changes once the
     * server answered it ({@link ClientEarlyData}).
     */
    private ClientKeys switchToHandshakeKeys(KeySchedule schedule, EarlySecret earlySecret, byte[] sharedSecret) {
        CipherSuite suite = schedule.suite();
        var handshakeSecret = earlySecret.handshakeSecret(sharedSecret);
        TrafficSecrets secrets = context.handshakeTrafficSecrets(handshakeSecret, transcript.current(), sent.random());
        context.transport().switchReadKeys(suite, secrets.server());
        if (early == null) {
            if (retrySuite == null && sent.legacySessionId().length > 0) {
                context.transport().sendChangeCipherSpec();
            }
            context.transport().switchWriteKeys(suite, secrets.client());
        }
        return new ClientKeys(schedule, handshakeSecret, secrets, sent.random(), early);
    }

    /**
     * Refuses a ServerHello negotiating TLS 1.2 or below (no supported_versions) before its
     * extensions are parsed: parsed under TLS 1.3's rules, the extensions of a genuine TLS 1.2
     * ServerHello (renegotiation_info, ec_point_formats) would be refused as illegal_parameter,
     * hiding what is wrong. This client speaks only TLS 1.3, so the version the server chose is
     * not supported: RFC 8446 Appendix D.1, "the client MUST abort the handshake with a
     * protocol_version alert". The downgrade sentinel of RFC 8446 §4.1.3 (illegal_parameter) is
     * for clients that would accept the older version; here it only makes the message plainer.
     */
    private static void requireTls13ServerHello(byte[] message) {
        TLSReader body = body(message);
        int legacyVersion = body.readUint16("legacy_version");
        byte[] random = body.readBytes(32, "random");
        body.readOpaque(1, 0, 32, "legacy_session_id_echo");
        body.readUint16("cipher_suite");
        body.readUint8("legacy_compression_method");
        TLSReader extensions = body.hasRemaining()
                ? body.readVector(2, 0, 0xffff, "extensions")
                : new TLSReader(new byte[0]);
        while (extensions.hasRemaining()) {
            int type = extensions.readUint16("extension_type");
            extensions.readOpaque(2, 0, 0xffff, "extension_data");
            if (type == ExtensionType.SUPPORTED_VERSIONS.code()) {
                return;
            }
        }
        byte[] sentinel = Arrays.copyOfRange(random, 24, 32);
        String downgrade = Arrays.equals(sentinel, DOWNGRADE_TLS12) || Arrays.equals(sentinel, DOWNGRADE_TLS11)
                ? "; its random carries the downgrade sentinel of RFC 8446 §4.1.3 (a TLS 1.3 server was made"
                        + " to negotiate an older version: an attack, or a middlebox)"
                : "";
        throw new ProtocolVersion("the server negotiated version 0x" + Integer.toHexString(legacyVersion)
                + " (no supported_versions), and this client speaks only TLS 1.3" + downgrade);
    }

    /** The checks a ServerHello and a HelloRetryRequest share, RFC 8446 §4.1.3 and §4.2.1. */
    private CipherSuite checkServerHelloCommon(ServerHello hello) {
        SupportedVersionsExtension versions =
                hello.extensions().get(ExtensionType.SUPPORTED_VERSIONS, SupportedVersionsExtension.class);
        if (versions == null) {
            throw new ProtocolVersion("the server does not speak TLS 1.3 (no supported_versions), "
                    + "and this client speaks nothing else");
        }
        if (versions.versions().get(0) != TLSVersion.TLS_1_3.code()) {
            throw new IllegalParameter("the server selected version 0x" + Integer.toHexString(versions.versions().get(0))
                    + ", which was not offered");
        }
        if (hello.legacyVersion() < TLSVersion.TLS_1_0.code()) {
            throw new ProtocolVersion(String.format("ServerHello legacy_version 0x%04x is SSL 3.0 or older"
                    + " (RFC 8446 §D.5)", hello.legacyVersion()));
        }
        if (hello.legacyVersion() != TLSVersion.TLS_1_2.code()) {
            throw new IllegalParameter("ServerHello legacy_version must be 0x0303");
        }
        if (!Arrays.equals(hello.legacySessionIdEcho(), sent.legacySessionId())) {
            throw new IllegalParameter("ServerHello legacy_session_id_echo differs from the ClientHello's session id");
        }
        if (hello.legacyCompressionMethod() != 0) {
            throw new IllegalParameter("ServerHello legacy_compression_method must be 0");
        }
        CipherSuite suite = CipherSuite.fromCode(hello.cipherSuite());
        if (suite == null || !sent.cipherSuites().contains(suite.code())) {
            throw new IllegalParameter("the server selected cipher suite 0x" + Integer.toHexString(hello.cipherSuite())
                    + ", which was not offered");
        }
        if (retrySuite != null && suite != retrySuite) {
            throw new IllegalParameter("the ServerHello's cipher suite differs from the HelloRetryRequest's");
        }
        for (int typeCode : hello.extensions().typeCodes()) {
            boolean cookie = typeCode == ExtensionType.COOKIE.code() && hello.isHelloRetryRequest();
            if (!cookie && !sent.extensions().typeCodes().contains(typeCode)) {
                throw new UnsupportedExtension("the server sent extension " + typeCode + ", which was not offered");
            }
        }
        transcript.selectHash(context.crypto(), suite.hashAlgorithm());
        return suite;
    }

    /**
     * HelloRetryRequest, RFC 8446 §4.1.4: a second ClientHello with the share asked for, and the
     * ticket offered again with a new age and binder, or dropped when its hash is not that of the
     * suite chosen (§4.1.2, §4.2.11).
     */
    private State onHelloRetryRequest(ServerHello retry, CipherSuite suite, byte[] message) {
        if (retrySuite != null) {
            throw new UnexpectedMessage("a second HelloRetryRequest");
        }
        KeyShareExtension keyShare = retry.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        CookieExtension cookie = retry.extensions().get(ExtensionType.COOKIE, CookieExtension.class);
        if (keyShare == null && cookie == null) {
            throw new IllegalParameter("the HelloRetryRequest would not change the ClientHello");
        }
        ClientKeyShares retryShares = shares;
        if (keyShare != null) {
            NamedGroup group = NamedGroup.fromCode(keyShare.selectedGroup());
            if (group == null || !context.policy().keyExchanges().contains(group)) {
                throw new IllegalParameter("the HelloRetryRequest asks for group " + keyShare.selectedGroup()
                        + ", which was not offered");
            }
            if (shares.contains(group)) {
                throw new IllegalParameter("the HelloRetryRequest asks for a group whose share was already sent");
            }
            retryShares = ClientKeyShares.retry(context, group);
        }
        transcript.replaceWithMessageHash();
        transcript.update(message);
        if (early != null) {
            early.rejectedByRetry();
        } else if (sent.legacySessionId().length > 0) {
            context.transport().sendChangeCipherSpec();
        }
        PskOffer stillOffered = offer;
        if (offer != null && !offer.fits(suite)) {
            offer.forget();
            stillOffered = null;
        }
        ClientHello second = hellos.build(sent.random(), sent.legacySessionId(), retryShares.entries(), cookie,
                stillOffered, transcript);
        context.send(transcript, second);
        return new ExpectServerHello(context, transcript, hellos, second, retryShares, suite, stillOffered, null);
    }
}
