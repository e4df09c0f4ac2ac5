package io.siotls.handshake;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.CookieExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.MaxFragmentLengthExtension;
import io.siotls.extensions.PskKeyExchangeModesExtension;
import io.siotls.extensions.RecordSizeLimitExtension;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.extensions.StatusRequestExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.IanaCode;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.PskKeyExchangeMode;
import io.siotls.iana.SignatureScheme;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.messages.ServerHello;
import io.siotls.trust.HostnameVerifier;
import io.siotls.trust.Purpose;
import io.siotls.wire.TLSReader;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The client side of the TLS 1.3 full handshake, RFC 8446 §2 and §4, written as one method per
 * message received, in the order the RFC's client state machine (Appendix A.1) expects them.
 */
public final class ClientHandshake extends Handshake {

    private enum State { START, WAIT_SERVER_HELLO, WAIT_ENCRYPTED_EXTENSIONS, WAIT_CERTIFICATE_OR_REQUEST,
        WAIT_CERTIFICATE, WAIT_CERTIFICATE_VERIFY, WAIT_FINISHED, CONNECTED }

    /** The last 8 bytes of ServerHello.random of a TLS 1.3 server negotiating TLS 1.2, RFC 8446 §4.1.3. */
    private static final byte[] DOWNGRADE_TLS12 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01};
    /** The same, negotiating TLS 1.1 or below. */
    private static final byte[] DOWNGRADE_TLS11 = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00};

    private static final List<SignatureScheme> SHA1_SCHEMES =
            List.of(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1);

    private final String hostname;
    private final String sniName;
    private final Clock clock;
    private final UnaryOperator<ClientHello> helloOverride;
    private State state = State.START;
    private ClientHello clientHello;
    private KeyExchangeKeyPair keyPair;
    private NamedGroup offeredGroup;
    private boolean retried;
    private boolean changeCipherSpecSent;
    private CertificateRequest certificateRequest;
    private byte[] clientHandshakeSecret;
    private byte[] serverHandshakeSecret;

    /**
     * @param policy holds the name sent with SNI (unless it is an IP literal) and the one checked
     *        against the server's certificate; either may be null
     * @param helloOverride replaces each ClientHello this side built, the first and the one after a
     *        HelloRetryRequest (tests replaying RFC 8448),
     *        normally {@link UnaryOperator#identity()}
     */
    public ClientHandshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        super(policy, entropy, transport);
        this.hostname = policy.verificationHostname();
        this.sniName = policy.serverName();
        this.clock = clock;
        this.helloOverride = helloOverride;
    }

    @Override
    protected void releaseHandshakeState() {
        clientHello = null;
        keyPair = null;
        certificateRequest = null;
        clientHandshakeSecret = null;
        serverHandshakeSecret = null;
    }

    @Override
    protected boolean isClient() {
        return true;
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return state != State.START && state != State.CONNECTED;
    }

    @Override
    public void start() {
        if (state != State.START) {
            throw new IllegalStateException("the handshake already started");
        }
        NamedGroup group = policy.keyExchanges().get(0);
        offeredGroup = group;
        keyPair = entropy.ephemeralKeyPair(crypto.keyExchange(group));
        clientHello = helloOverride.apply(buildClientHello(entropy.helloRandom(), entropy.legacySessionId(),
                new KeyShareEntry(group.code(), keyPair.publicShare()), null));
        clientRandom = clientHello.random();
        send(clientHello);
        state = State.WAIT_SERVER_HELLO;
    }

    /** ClientHello, RFC 8446 §4.1.2, with the extensions of §4.2 this configuration calls for. */
    private ClientHello buildClientHello(byte[] random, byte[] sessionId, KeyShareEntry share, Extension cookie) {
        List<Extension> extensions = new ArrayList<>();
        if (sniName != null && !HostnameVerifier.isIpLiteral(sniName)) {
            extensions.add(new ServerNameExtension(stripTrailingDot(sniName)));
        }
        extensions.add(SupportedVersionsExtension.offered(List.of(TLSVersion.TLS_1_3.code())));
        extensions.add(new SupportedGroupsExtension(codes(policy.keyExchanges())));
        extensions.add(KeyShareExtension.clientShares(List.of(share)));
        extensions.add(SignatureAlgorithmsExtension.forHandshake(codes(policy.signatureAlgorithms())));
        if (policy.truststore() != null) {
            extensions.add(SignatureAlgorithmsExtension.forCertificates(codes(certificateSignatureSchemes())));
        }
        if (!policy.alpn().isEmpty()) {
            extensions.add(new ALPNExtension(policy.alpn()));
        }
        if (policy.certificateTypes().contains(CertificateType.RAW_PUBLIC_KEY)) {
            extensions.add(CertificateTypeExtension.offered(ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    codes(policy.certificateTypes())));
        }
        if (policy.peerCertificateTypes().contains(CertificateType.RAW_PUBLIC_KEY)) {
            extensions.add(CertificateTypeExtension.offered(ExtensionType.SERVER_CERTIFICATE_TYPE,
                    codes(policy.peerCertificateTypes())));
        }
        if (config.requestOcspStapling()) {
            extensions.add(StatusRequestExtension.request());
        }
        extensions.add(ownHeartbeatMode());
        extensions.add(new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.PSK_DHE_KE.code())));
        if (config.maxFragmentLength() != MaxFragmentLength.MAX_16384) {
            extensions.add(new MaxFragmentLengthExtension(config.maxFragmentLength()));
        }
        extensions.add(new RecordSizeLimitExtension(ownRecordSizeLimit()));
        if (cookie != null) {
            extensions.add(cookie);
        }
        List<Integer> suites = codes(policy.cipherSuites());
        return new ClientHello(TLSVersion.TLS_1_2.code(), random, sessionId, suites, new byte[] {0},
                ExtensionBlock.of(extensions));
    }

    /**
     * signature_algorithms_cert (RFC 8446 §4.2.3): what PKIX validation accepts in the chain,
     * which is wider than what CertificateVerify may use: the configured schemes first, then every
     * other scheme the backend verifies, rsa_pkcs1_* included; never SHA-1.
     */
    private List<SignatureScheme> certificateSignatureSchemes() {
        List<SignatureScheme> schemes = new ArrayList<>(policy.signatureAlgorithms());
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if (!schemes.contains(scheme) && !SHA1_SCHEMES.contains(scheme) && crypto.supports(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static List<Integer> codes(List<? extends IanaCode> values) {
        return values.stream().map(IanaCode::code).toList();
    }

    @Override
    protected void handleHandshakeMessage(int type, byte[] message) {
        switch (state) {
            case WAIT_SERVER_HELLO -> expect(type, HandshakeType.SERVER_HELLO, () -> onServerHello(message));
            case WAIT_ENCRYPTED_EXTENSIONS ->
                    expect(type, HandshakeType.ENCRYPTED_EXTENSIONS, () -> onEncryptedExtensions(message));
            case WAIT_CERTIFICATE_OR_REQUEST -> {
                if (type == HandshakeType.CERTIFICATE_REQUEST.code()) {
                    onCertificateRequest(message);
                } else {
                    expect(type, HandshakeType.CERTIFICATE, () -> onCertificate(message));
                }
            }
            case WAIT_CERTIFICATE -> expect(type, HandshakeType.CERTIFICATE, () -> onCertificate(message));
            case WAIT_CERTIFICATE_VERIFY ->
                    expect(type, HandshakeType.CERTIFICATE_VERIFY, () -> onCertificateVerify(message));
            case WAIT_FINISHED -> expect(type, HandshakeType.FINISHED, () -> onFinished(message));
            default -> throw unexpected(type, "in state " + state);
        }
    }

    private void expect(int type, HandshakeType expected, Runnable handler) {
        if (type != expected.code()) {
            throw unexpected(type, "waiting for " + expected.ianaName());
        }
        handler.run();
    }

    /** ServerHello or HelloRetryRequest, RFC 8446 §4.1.3 and §4.1.4. */
    private void onServerHello(byte[] message) {
        requireTls13ServerHello(message);
        ServerHello hello = ServerHello.parse(body(message));
        checkServerHelloCommon(hello);
        if (hello.isHelloRetryRequest()) {
            onHelloRetryRequest(hello, message);
            return;
        }
        KeyShareExtension keyShare = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        if (keyShare == null) {
            throw new MissingExtension("the ServerHello has no key_share (PSK-only modes were not offered)");
        }
        KeyShareEntry serverShare = keyShare.serverEntry();
        if (serverShare.group() != offeredGroup.code()) {
            throw new IllegalParameter("the server's key_share is for group " + serverShare.group()
                    + ", not the one offered");
        }
        keyExchange = offeredGroup;
        byte[] sharedSecret = keyPair.sharedSecret(serverShare.keyExchange());
        transcript.update(message);

        keySchedule = new KeySchedule(crypto, cipherSuite);
        keySchedule.startWithoutPsk();
        keySchedule.deriveHandshakeSecret(sharedSecret);
        byte[] helloHash = transcript.current();
        clientHandshakeSecret = keySchedule.clientHandshakeTrafficSecret(helloHash);
        serverHandshakeSecret = keySchedule.serverHandshakeTrafficSecret(helloHash);
        transport.logSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, clientHandshakeSecret);
        transport.logSecret("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, serverHandshakeSecret);
        transport.switchReadKeys(cipherSuite, serverHandshakeSecret);
        if (!changeCipherSpecSent && clientHello.legacySessionId().length > 0) {
            transport.sendChangeCipherSpec();
            changeCipherSpecSent = true;
        }
        transport.switchWriteKeys(cipherSuite, clientHandshakeSecret);
        state = State.WAIT_ENCRYPTED_EXTENSIONS;
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
    private void checkServerHelloCommon(ServerHello hello) {
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
        if (!Arrays.equals(hello.legacySessionIdEcho(), clientHello.legacySessionId())) {
            throw new IllegalParameter("ServerHello legacy_session_id_echo differs from the ClientHello's session id");
        }
        if (hello.legacyCompressionMethod() != 0) {
            throw new IllegalParameter("ServerHello legacy_compression_method must be 0");
        }
        CipherSuite suite = CipherSuite.fromCode(hello.cipherSuite());
        if (suite == null || !clientHello.cipherSuites().contains(suite.code())) {
            throw new IllegalParameter("the server selected cipher suite 0x" + Integer.toHexString(hello.cipherSuite())
                    + ", which was not offered");
        }
        if (cipherSuite != null && suite != cipherSuite) {
            throw new IllegalParameter("the ServerHello's cipher suite differs from the HelloRetryRequest's");
        }
        for (int typeCode : hello.extensions().typeCodes()) {
            boolean cookie = typeCode == ExtensionType.COOKIE.code() && hello.isHelloRetryRequest();
            if (!cookie && !clientHello.extensions().typeCodes().contains(typeCode)) {
                throw new UnsupportedExtension("the server sent extension " + typeCode + ", which was not offered");
            }
        }
        cipherSuite = suite;
        transcript.selectHash(crypto, suite.hashAlgorithm());
    }

    /** HelloRetryRequest, RFC 8446 §4.1.4: a second ClientHello with the share asked for. */
    private void onHelloRetryRequest(ServerHello retry, byte[] message) {
        if (retried) {
            throw new UnexpectedMessage("a second HelloRetryRequest");
        }
        retried = true;
        KeyShareExtension keyShare = retry.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        CookieExtension cookie = retry.extensions().get(ExtensionType.COOKIE, CookieExtension.class);
        if (keyShare == null && cookie == null) {
            throw new IllegalParameter("the HelloRetryRequest would not change the ClientHello");
        }
        KeyShareEntry share = clientHello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class)
                .entries().get(0);
        if (keyShare != null) {
            NamedGroup group = NamedGroup.fromCode(keyShare.selectedGroup());
            if (group == null || !policy.keyExchanges().contains(group)) {
                throw new IllegalParameter("the HelloRetryRequest asks for group " + keyShare.selectedGroup()
                        + ", which was not offered");
            }
            if (group == offeredGroup) {
                throw new IllegalParameter("the HelloRetryRequest asks for the group whose share was already sent");
            }
            offeredGroup = group;
            keyPair = entropy.ephemeralKeyPair(crypto.keyExchange(group));
            share = new KeyShareEntry(group.code(), keyPair.publicShare());
        }
        transcript.replaceWithMessageHash();
        transcript.update(message);
        if (!changeCipherSpecSent && clientHello.legacySessionId().length > 0) {
            transport.sendChangeCipherSpec();
            changeCipherSpecSent = true;
        }
        clientHello = helloOverride.apply(
                buildClientHello(clientHello.random(), clientHello.legacySessionId(), share, cookie));
        send(clientHello);
    }

    /** EncryptedExtensions, RFC 8446 §4.3.1: only extensions this client offered. */
    private void onEncryptedExtensions(byte[] message) {
        EncryptedExtensions extensions = EncryptedExtensions.parse(body(message));
        ExtensionBlock block = extensions.extensions();
        for (int typeCode : block.typeCodes()) {
            if (!clientHello.extensions().typeCodes().contains(typeCode)) {
                throw new UnsupportedExtension("the server sent extension " + typeCode
                        + " in EncryptedExtensions, which was not offered");
            }
        }
        ALPNExtension selected = block.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class);
        if (selected != null) {
            String protocol = selected.protocols().get(0);
            if (!policy.alpn().contains(protocol)) {
                throw new IllegalParameter("the server selected application protocol '" + protocol
                        + "', which was not offered");
            }
            alpn = protocol;
        }
        if (block.contains(ExtensionType.SERVER_NAME)) {
            ServerNameExtension sni = clientHello.extensions().get(ExtensionType.SERVER_NAME, ServerNameExtension.class);
            serverName = sni.hostName();
        }
        notePeerHeartbeat(block.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        serverCertificateType = selectedType(block, ExtensionType.SERVER_CERTIFICATE_TYPE, policy.peerCertificateTypes());
        clientCertificateType = selectedType(block, ExtensionType.CLIENT_CERTIFICATE_TYPE, policy.certificateTypes());
        RecordSizeLimitExtension limit = block.get(ExtensionType.RECORD_SIZE_LIMIT, RecordSizeLimitExtension.class);
        MaxFragmentLengthExtension fragment =
                block.get(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLengthExtension.class);
        if (limit != null) {
            applyRecordSizeLimits(limit.limit());
        } else if (fragment != null) {
            if (fragment.length() != config.maxFragmentLength()) {
                throw new IllegalParameter("the server answered max_fragment_length " + fragment.length().octets()
                        + " to a request for " + config.maxFragmentLength().octets() + " (RFC 6066 §4)");
            }
            applyMaxFragmentLength(fragment.length());
        }
        transcript.update(message);
        state = State.WAIT_CERTIFICATE_OR_REQUEST;
    }

    /** The certificate type the server selected (RFC 7250 §4.2): X.509 when it did not say. */
    private static CertificateType selectedType(ExtensionBlock block, ExtensionType extension,
            List<CertificateType> offered) {
        CertificateTypeExtension selected = block.get(extension, CertificateTypeExtension.class);
        if (selected == null) {
            return CertificateType.X509;
        }
        CertificateType type = CertificateType.fromCode(selected.selectedType());
        if (type == null || !offered.contains(type)) {
            throw new IllegalParameter("the server selected " + extension.ianaName() + " "
                    + selected.selectedType() + ", which was not offered");
        }
        return type;
    }

    /** CertificateRequest, RFC 8446 §4.3.2. */
    private void onCertificateRequest(byte[] message) {
        CertificateRequest request = CertificateRequest.parse(body(message));
        if (request.requestContext().length != 0) {
            throw new IllegalParameter("a CertificateRequest during the handshake must have an empty context");
        }
        if (!request.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new MissingExtension("the CertificateRequest has no signature_algorithms");
        }
        certificateRequest = request;
        transcript.update(message);
        state = State.WAIT_CERTIFICATE;
    }

    /** The server's Certificate, RFC 8446 §4.4.2, authenticated as §4.4.2.4 says. */
    private void onCertificate(byte[] message) {
        CertificateMessage certificate = CertificateMessage.parse(body(message));
        if (certificate.requestContext().length != 0) {
            throw new IllegalParameter("the server's Certificate must have an empty certificate_request_context");
        }
        if (certificate.entries().isEmpty()) {
            throw new DecodeError("the server's Certificate message is empty");
        }
        for (CertificateEntry entry : certificate.entries()) {
            for (int typeCode : entry.extensions().typeCodes()) {
                if (!clientHello.extensions().typeCodes().contains(typeCode)) {
                    throw new UnsupportedExtension("the server's Certificate carries extension " + typeCode
                            + ", which was not offered (RFC 8446 §4.4.2)");
                }
            }
        }
        StatusRequestExtension stapled = certificate.entries().get(0).extensions()
                .get(ExtensionType.STATUS_REQUEST, StatusRequestExtension.class);
        peerOcspResponse = stapled == null ? null : stapled.ocspResponse();
        acceptPeerCredential(certificate, serverCertificateType, Purpose.SERVER_AUTH, hostname, clock);
        transcript.update(message);
        state = State.WAIT_CERTIFICATE_VERIFY;
    }

    private void onCertificateVerify(byte[] message) {
        verifyCertificateVerify(message);
        state = State.WAIT_FINISHED;
    }

    /** The server's Finished, then the client's second flight, RFC 8446 §4.4.4 and §2. */
    private void onFinished(byte[] message) {
        verifyFinished(message, serverHandshakeSecret);
        keySchedule.deriveMasterSecret();
        byte[] serverFinishedHash = transcript.current();
        byte[] clientApplicationSecret = keySchedule.clientApplicationTrafficSecret(serverFinishedHash);
        byte[] serverApplicationSecret = keySchedule.serverApplicationTrafficSecret(serverFinishedHash);
        transport.logSecret("CLIENT_TRAFFIC_SECRET_0", clientRandom, clientApplicationSecret);
        transport.logSecret("SERVER_TRAFFIC_SECRET_0", clientRandom, serverApplicationSecret);
        transport.logSecret("EXPORTER_SECRET", clientRandom, keySchedule.exporterMasterSecret(serverFinishedHash));

        if (certificateRequest != null) {
            new ClientCredentials(policy).answer(certificateRequest, clientCertificateType, this);
        }
        sendFinished(clientHandshakeSecret);
        transport.switchWriteKeys(cipherSuite, clientApplicationSecret);
        transport.switchReadKeys(cipherSuite, serverApplicationSecret);
        state = State.CONNECTED;
        complete(serverApplicationSecret, clientApplicationSecret);
    }

    /** The Certificate message of this client's raw public key. */
    CertificateMessage rawPublicKeyCertificate() {
        return rawPublicKeyCertificate(new byte[0]);
    }

    /** Sends the client's Certificate and, with a credential, its CertificateVerify (RFC 8446 §4.4.2, §4.4.3). */
    void sendClientCredential(CertificateMessage certificate, SignatureScheme scheme, PrivateKey key) {
        send(certificate);
        if (scheme != null) {
            sendCertificateVerify(scheme, key);
        }
    }
}
