package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.Side;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.NoApplicationProtocol;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.UnsupportedCertificate;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateAuthoritiesExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.CookieExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.MaxFragmentLengthExtension;
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
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.messages.ServerHello;
import io.siotls.trust.Purpose;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The server side of the TLS 1.3 full handshake, RFC 8446 §2 and §4: the server's preference
 * order decides the cipher suite, the group, the signature scheme and the application protocol.
 */
public final class ServerHandshake extends Handshake {

    private enum State { START, WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO, WAIT_CERTIFICATE,
        WAIT_CERTIFICATE_VERIFY, WAIT_FINISHED, CONNECTED }

    /**
     * The extensions a second ClientHello may change, add or drop, RFC 8446 §4.1.2 (the cookie
     * only when the HelloRetryRequest carried one).
     */
    private static final Set<Integer> MAY_CHANGE_AFTER_RETRY = Set.of(
            ExtensionType.KEY_SHARE.code(), ExtensionType.EARLY_DATA.code(),
            ExtensionType.PRE_SHARED_KEY.code(), ExtensionType.PADDING.code());

    /**
     * How much rejected early data is skipped (RFC 8446 §4.2.10): this server accepts none, so
     * there is no max_early_data_size of its own; 16 KiB is OpenSSL's default.
     */
    private static final int REJECTED_EARLY_DATA_LIMIT = 16384;

    /** Above this many bytes of names, certificate_authorities is left out (a system trust store). */
    private static final int MAX_AUTHORITIES_LENGTH = 8192;

    private final Clock clock;
    private State state = State.START;
    private ClientHello firstHello;
    private NamedGroup retryGroup;
    private byte[] retryCookie;
    private boolean changeCipherSpecSent;
    private byte[] clientHandshakeSecret;
    private byte[] clientApplicationSecret;
    private byte[] serverApplicationSecret;

    public ServerHandshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock) {
        super(policy, entropy, transport);
        this.clock = clock;
    }

    @Override
    protected void releaseHandshakeState() {
        firstHello = null;
        retryCookie = null;
        clientHandshakeSecret = null;
        clientApplicationSecret = null;
        serverApplicationSecret = null;
    }

    @Override
    protected boolean isClient() {
        return false;
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return state != State.START && state != State.WAIT_CLIENT_HELLO && state != State.CONNECTED;
    }

    @Override
    public void start() {
        if (state != State.START) {
            throw new IllegalStateException("the handshake already started");
        }
        state = State.WAIT_CLIENT_HELLO;
    }

    @Override
    protected void handleHandshakeMessage(int type, byte[] message) {
        State expected = state;
        HandshakeType wanted = switch (expected) {
            case WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO -> HandshakeType.CLIENT_HELLO;
            case WAIT_CERTIFICATE -> HandshakeType.CERTIFICATE;
            case WAIT_CERTIFICATE_VERIFY -> HandshakeType.CERTIFICATE_VERIFY;
            case WAIT_FINISHED -> HandshakeType.FINISHED;
            default -> null;
        };
        if (wanted == null || type != wanted.code()) {
            throw unexpected(type, wanted == null ? "in state " + state : "waiting for " + wanted.ianaName());
        }
        switch (expected) {
            case WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO -> onClientHello(message);
            case WAIT_CERTIFICATE -> onCertificate(message);
            case WAIT_CERTIFICATE_VERIFY -> onCertificateVerify(message);
            default -> onFinished(message);
        }
    }

    /** ClientHello, RFC 8446 §4.1.2, answered with the server's whole first flight. */
    private void onClientHello(byte[] message) {
        ClientHello hello = ClientHello.parse(body(message));
        ExtensionBlock extensions = hello.extensions();
        requireTls13(hello);
        if (hello.legacyCompressionMethods().length != 1 || hello.legacyCompressionMethods()[0] != 0) {
            throw new IllegalParameter("legacy_compression_methods must be exactly [null] in TLS 1.3");
        }
        if (firstHello != null) {
            checkSecondClientHello(hello);
        }
        rejectEarlyData(extensions);
        CipherSuite suite = firstHello != null ? cipherSuite : chooseCipherSuite(hello);
        SupportedGroupsExtension groups = require(extensions, ExtensionType.SUPPORTED_GROUPS, SupportedGroupsExtension.class);
        KeyShareExtension keyShares = require(extensions, ExtensionType.KEY_SHARE, KeyShareExtension.class);
        SignatureAlgorithmsExtension signatureAlgorithms =
                require(extensions, ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class);
        for (KeyShareEntry entry : keyShares.entries()) {
            if (!groups.groups().contains(entry.group())) {
                throw new IllegalParameter("key_share holds a share for group " + entry.group()
                        + ", which supported_groups does not list");
            }
        }
        refuseObsoleteGroups(hello, groups.groups());
        if (firstHello == null) {
            transcript.selectHash(crypto, suite.hashAlgorithm());
        }
        cipherSuite = suite;
        transcript.update(message);

        KeyShareEntry share = chooseKeyShare(groups.groups(), keyShares.entries());
        if (share == null) {
            sendHelloRetryRequest(hello, chooseRetryGroup(groups.groups()));
            return;
        }
        ServerNameExtension sni = extensions.get(ExtensionType.SERVER_NAME, ServerNameExtension.class);
        serverName = sni == null ? null : sni.hostName();
        StatusRequestExtension statusRequest = extensions.get(ExtensionType.STATUS_REQUEST, StatusRequestExtension.class);
        peerWantOcspStapling = statusRequest != null && statusRequest.statusType() == StatusRequestExtension.OCSP;
        notePeerHeartbeat(extensions.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        serverCertificateType = chooseCertificateType(extensions, ExtensionType.SERVER_CERTIFICATE_TYPE,
                policy.certificateTypes(), "this server can present");
        if (policy.clientAuthentication() != ClientAuthentication.NONE) {
            clientCertificateType = chooseCertificateType(extensions, ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    policy.peerCertificateTypes(), "this server accepts from clients");
        }
        CredentialSelector.Choice credential = chooseCredential(signatureAlgorithms.schemes());
        alpn = chooseApplicationProtocol(extensions.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION,
                ALPNExtension.class));
        clientRandom = hello.random();
        keyExchange = NamedGroup.fromCode(share.group());

        var keyPair = entropy.ephemeralKeyPair(crypto.keyExchange(keyExchange));
        byte[] sharedSecret = keyPair.sharedSecret(share.keyExchange());
        send(new ServerHello(TLSVersion.TLS_1_2.code(), entropy.helloRandom(), hello.legacySessionId(), suite.code(), 0,
                ExtensionBlock.of(List.of(
                        KeyShareExtension.serverShare(new KeyShareEntry(share.group(), keyPair.publicShare())),
                        SupportedVersionsExtension.selected(TLSVersion.TLS_1_3.code())))));
        sendChangeCipherSpecOnce(hello);

        keySchedule = new KeySchedule(crypto, suite);
        keySchedule.startWithoutPsk();
        keySchedule.deriveHandshakeSecret(sharedSecret);
        byte[] helloHash = transcript.current();
        clientHandshakeSecret = keySchedule.clientHandshakeTrafficSecret(helloHash);
        byte[] serverHandshakeSecret = keySchedule.serverHandshakeTrafficSecret(helloHash);
        transport.logSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, clientHandshakeSecret);
        transport.logSecret("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, serverHandshakeSecret);
        transport.switchWriteKeys(suite, serverHandshakeSecret);
        transport.switchReadKeys(suite, clientHandshakeSecret);

        send(new EncryptedExtensions(ExtensionBlock.of(encryptedExtensions(extensions))));
        if (policy.clientAuthentication() != ClientAuthentication.NONE) {
            send(certificateRequest());
        }
        if (serverCertificateType == CertificateType.RAW_PUBLIC_KEY) {
            send(rawPublicKeyCertificate(new byte[0]));
        } else {
            send(new CertificateMessage(new byte[0], ClientCredentials.entries(credential.chain().chain(),
                    stapledStatus())));
        }
        sendCertificateVerify(credential.scheme(), serverCertificateType == CertificateType.RAW_PUBLIC_KEY
                ? config.privateKey() : credential.chain().privateKey());
        sendFinished(serverHandshakeSecret);

        keySchedule.deriveMasterSecret();
        byte[] serverFinishedHash = transcript.current();
        clientApplicationSecret = keySchedule.clientApplicationTrafficSecret(serverFinishedHash);
        serverApplicationSecret = keySchedule.serverApplicationTrafficSecret(serverFinishedHash);
        transport.logSecret("CLIENT_TRAFFIC_SECRET_0", clientRandom, clientApplicationSecret);
        transport.logSecret("SERVER_TRAFFIC_SECRET_0", clientRandom, serverApplicationSecret);
        transport.logSecret("EXPORTER_SECRET", clientRandom, keySchedule.exporterMasterSecret(serverFinishedHash));
        transport.switchWriteKeys(suite, serverApplicationSecret);
        state = policy.clientAuthentication() != ClientAuthentication.NONE ? State.WAIT_CERTIFICATE : State.WAIT_FINISHED;
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
     * This server accepts no early data (it issues no tickets), so a client that offers it gets
     * a 1-RTT handshake and its early data is skipped (RFC 8446 §4.2.10): records that fail to
     * open under the handshake keys, or, while a HelloRetryRequest is answered, application_data
     * records. A second ClientHello must not offer early data again.
     */
    private void rejectEarlyData(ExtensionBlock extensions) {
        boolean offered = extensions.contains(ExtensionType.EARLY_DATA);
        if (offered && firstHello != null) {
            throw new IllegalParameter("the second ClientHello offers early_data (RFC 8446 §4.2.10)");
        }
        transport.skipRejectedEarlyData(offered ? REJECTED_EARLY_DATA_LIMIT : 0);
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

    /** The first of the server's cipher suites the client offers. */
    private CipherSuite chooseCipherSuite(ClientHello hello) {
        for (CipherSuite suite : policy.cipherSuites()) {
            if (hello.cipherSuites().contains(suite.code())) {
                return suite;
            }
        }
        throw new HandshakeFailure("no cipher suite in common: the client offers " + hello.cipherSuites()
                + ", this server accepts " + policy.cipherSuites());
    }

    /** The first of the server's groups that the client both supports and sent a share for. */
    private KeyShareEntry chooseKeyShare(List<Integer> clientGroups, List<KeyShareEntry> shares) {
        for (NamedGroup group : policy.keyExchanges()) {
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

    private NamedGroup chooseRetryGroup(List<Integer> clientGroups) {
        if (firstHello != null) {
            throw new IllegalParameter("the second ClientHello has no share for the group the HelloRetryRequest asked for");
        }
        for (NamedGroup group : policy.keyExchanges()) {
            if (clientGroups.contains(group.code())) {
                return group;
            }
        }
        throw new HandshakeFailure("no key exchange group in common: the client supports " + clientGroups
                + ", this server accepts " + policy.keyExchanges());
    }

    /** HelloRetryRequest, RFC 8446 §4.1.4, asking for a share of {@code group}. */
    private void sendHelloRetryRequest(ClientHello hello, NamedGroup group) {
        firstHello = hello;
        retryGroup = group;
        transcript.replaceWithMessageHash();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(KeyShareExtension.retryWith(group.code()));
        if (config.helloRetryCookie()) {
            retryCookie = entropy.helloRetryCookie();
            extensions.add(new CookieExtension(retryCookie));
        }
        extensions.add(SupportedVersionsExtension.selected(TLSVersion.TLS_1_3.code()));
        send(new ServerHello(TLSVersion.TLS_1_2.code(), ServerHello.HELLO_RETRY_REQUEST_RANDOM.clone(),
                hello.legacySessionId(), cipherSuite.code(), 0, ExtensionBlock.of(extensions)));
        sendChangeCipherSpecOnce(hello);
        state = State.WAIT_SECOND_CLIENT_HELLO;
    }

    /**
     * RFC 8446 §4.1.2: the second ClientHello is "the same ClientHello without modification"
     * except for its key_share (now one share, for the group asked for), the cookie it must echo
     * (when the HelloRetryRequest sent one), early_data, pre_shared_key and padding. Anything else
     * — a changed, added or dropped extension, or the same extensions in another order — is
     * illegal_parameter. Clients that shuffle their extensions (Chrome) keep one order per
     * connection, so a reordering is a modification, as tlsfuzzer holds it to be.
     */
    private void checkSecondClientHello(ClientHello hello) {
        if (!Arrays.equals(hello.random(), firstHello.random())
                || !Arrays.equals(hello.legacySessionId(), firstHello.legacySessionId())
                || !hello.cipherSuites().equals(firstHello.cipherSuites())
                || !Arrays.equals(hello.legacyCompressionMethods(), firstHello.legacyCompressionMethods())) {
            throw new IllegalParameter("the second ClientHello changed its random, session id, cipher suites"
                    + " or compression methods");
        }
        KeyShareExtension shares = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class);
        if (shares == null || shares.entries().size() != 1 || shares.entries().get(0).group() != retryGroup.code()) {
            throw new IllegalParameter("the second ClientHello must hold exactly one key share, for "
                    + retryGroup.ianaName());
        }
        checkEchoedCookie(hello);
        List<Integer> firstOrder = keptAfterRetry(firstHello);
        if (!firstOrder.equals(keptAfterRetry(hello))) {
            throw new IllegalParameter("the second ClientHello changed its extensions or their order: "
                    + firstOrder + " became " + keptAfterRetry(hello));
        }
        for (int type : firstOrder) {
            if (!Arrays.equals(firstHello.extensions().dataOf(type), hello.extensions().dataOf(type))) {
                ExtensionType known = ExtensionType.fromCode(type);
                throw new IllegalParameter("the second ClientHello changed its "
                        + (known == null ? "extension " + type : known.ianaName()) + " extension");
            }
        }
    }

    /** The cookie of the HelloRetryRequest, echoed exactly; none when it sent none (RFC 8446 §4.2.2). */
    private void checkEchoedCookie(ClientHello hello) {
        CookieExtension cookie = hello.extensions().get(ExtensionType.COOKIE, CookieExtension.class);
        if (retryCookie == null) {
            if (cookie != null) {
                throw new IllegalParameter("the second ClientHello carries a cookie the HelloRetryRequest did not send");
            }
            return;
        }
        if (cookie == null || !MessageDigest.isEqual(cookie.cookie(), retryCookie)) {
            throw new IllegalParameter("the second ClientHello does not echo the HelloRetryRequest's cookie");
        }
    }

    /** The extension types, in wire order, that must stay the same in a second ClientHello. */
    private static List<Integer> keptAfterRetry(ClientHello hello) {
        return hello.extensions().typeCodes().stream()
                .filter(type -> !MAY_CHANGE_AFTER_RETRY.contains(type) && type != ExtensionType.COOKIE.code())
                .toList();
    }

    private void sendChangeCipherSpecOnce(ClientHello hello) {
        if (!changeCipherSpecSent && hello.legacySessionId().length > 0) {
            transport.sendChangeCipherSpec();
            changeCipherSpecSent = true;
        }
    }

    /**
     * The certificate type for one side, RFC 7250 §4.2: the first of the client's list that this
     * server supports, X.509 when the client sent no list; none in common is unsupported_certificate.
     */
    private static CertificateType chooseCertificateType(ExtensionBlock clientExtensions, ExtensionType extension,
            List<CertificateType> supported, String what) {
        CertificateTypeExtension offered = clientExtensions.get(extension, CertificateTypeExtension.class);
        List<Integer> candidates = offered == null ? List.of(CertificateType.X509.code()) : offered.types();
        for (int code : candidates) {
            CertificateType type = CertificateType.fromCode(code);
            if (type != null && supported.contains(type)) {
                return type;
            }
        }
        throw new UnsupportedCertificate("no certificate type in common for " + extension.ianaName()
                + ": the client offers " + candidates + ", " + what + " " + supported);
    }

    /**
     * The chain to present (SNI, then the client's signature_algorithms) and the scheme to sign
     * with; with a raw public key, the configured private key.
     */
    private CredentialSelector.Choice chooseCredential(List<Integer> clientSchemes) {
        CredentialSelector selector = new CredentialSelector(policy);
        if (serverCertificateType == CertificateType.RAW_PUBLIC_KEY) {
            SignatureScheme scheme = selector.schemeFor(config.privateKey(), clientSchemes);
            if (scheme == null) {
                throw new HandshakeFailure("no signature scheme in common: the client accepts " + clientSchemes
                        + ", this server's key can sign with " + policy.privateKeySignatureAlgorithms());
            }
            return new CredentialSelector.Choice(null, scheme);
        }
        CredentialSelector.Choice choice = policy.signingChainSelector() != null
                ? selector.fromHook(policy.signingChainSelector(), Side.SERVER, serverName, clientSchemes, List.of())
                : selector.forServer(serverName, clientSchemes);
        if (choice == null) {
            throw new HandshakeFailure("no signature scheme in common: the client accepts " + clientSchemes
                    + ", this server's keys can sign with " + policy.privateKeySignatureAlgorithms());
        }
        return choice;
    }

    /**
     * CertificateRequest, RFC 8446 §4.3.2: the schemes this server accepts and, when the trust
     * store is small enough to list, its certificate authorities (RFC 8446 §4.2.4).
     */
    private CertificateRequest certificateRequest() {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(SignatureAlgorithmsExtension.forHandshake(codes(policy.signatureAlgorithms())));
        if (policy.truststore() != null && config.sendCertificateAuthorities()) {
            CertificateAuthoritiesExtension authorities =
                    new CertificateAuthoritiesExtension(policy.truststore().trustAnchorSubjects());
            if (!authorities.authorities().isEmpty() && authorities.encodedLength() <= MAX_AUTHORITIES_LENGTH) {
                extensions.add(authorities);
            }
        }
        return new CertificateRequest(new byte[0], ExtensionBlock.of(extensions));
    }

    /** The end-entity CertificateEntry's extensions: the OCSP response, when asked for and configured. */
    private ExtensionBlock stapledStatus() {
        byte[] response = config.ocspResponse();
        if (!peerWantOcspStapling || response == null) {
            return ExtensionBlock.empty();
        }
        return ExtensionBlock.of(List.of(StatusRequestExtension.response(response)));
    }

    /** RFC 7301 §3.2: the first of the server's protocols the client offers. */
    private String chooseApplicationProtocol(ALPNExtension offered) {
        if (offered != null && policy.applicationProtocolSelector() != null) {
            String chosen = policy.applicationProtocolSelector().apply(offered.protocols());
            if (chosen == null || (!chosen.isEmpty() && !offered.protocols().contains(chosen))) {
                throw new NoApplicationProtocol("the application protocol selector accepted none of "
                        + offered.protocols());
            }
            return chosen.isEmpty() ? null : chosen;
        }
        if (offered == null || policy.alpn().isEmpty()) {
            return null;
        }
        for (String protocol : policy.alpn()) {
            if (offered.protocols().contains(protocol)) {
                return protocol;
            }
        }
        throw new NoApplicationProtocol("no application protocol in common: the client offers " + offered.protocols()
                + ", this server accepts " + policy.alpn());
    }

    /**
     * EncryptedExtensions' content, RFC 8446 §4.3.1. supported_groups (§4.2.7) only when the
     * group used is not this server's first choice: the client may then offer that one in its
     * next key_share, and otherwise the list would tell it nothing.
     */
    private List<Extension> encryptedExtensions(ExtensionBlock clientExtensions) {
        List<Extension> extensions = new ArrayList<>();
        if (config.alwaysSendSupportedGroups() || keyExchange != policy.keyExchanges().get(0)) {
            extensions.add(new SupportedGroupsExtension(codes(policy.keyExchanges())));
        }
        RecordSizeLimitExtension limit =
                clientExtensions.get(ExtensionType.RECORD_SIZE_LIMIT, RecordSizeLimitExtension.class);
        MaxFragmentLengthExtension fragment =
                clientExtensions.get(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLengthExtension.class);
        if (limit != null) {
            applyRecordSizeLimits(limit.limit());
            extensions.add(new RecordSizeLimitExtension(ownRecordSizeLimit()));
        } else if (fragment != null) {
            applyMaxFragmentLength(fragment.length());
            extensions.add(fragment);
        }
        if (serverName != null) {
            extensions.add(ServerNameExtension.acknowledgement());
        }
        if (alpn != null) {
            extensions.add(new ALPNExtension(List.of(alpn)));
        }
        if (clientExtensions.contains(ExtensionType.HEARTBEAT)) {
            extensions.add(ownHeartbeatMode());
        }
        if (clientExtensions.contains(ExtensionType.SERVER_CERTIFICATE_TYPE)) {
            extensions.add(CertificateTypeExtension.selected(ExtensionType.SERVER_CERTIFICATE_TYPE,
                    serverCertificateType.code()));
        }
        if (clientExtensions.contains(ExtensionType.CLIENT_CERTIFICATE_TYPE)
                && policy.clientAuthentication() != ClientAuthentication.NONE) {
            extensions.add(CertificateTypeExtension.selected(ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    clientCertificateType.code()));
        }
        return extensions;
    }

    private static List<Integer> codes(List<? extends IanaCode> values) {
        return values.stream().map(IanaCode::code).toList();
    }

    /** The client's Certificate, RFC 8446 §4.4.2; an empty one fails with certificate_required. */
    private void onCertificate(byte[] message) {
        CertificateMessage certificate = CertificateMessage.parse(body(message));
        if (certificate.requestContext().length != 0) {
            throw new IllegalParameter("the client's Certificate must echo the empty certificate_request_context");
        }
        if (certificate.entries().isEmpty()) {
            if (policy.clientAuthentication() == ClientAuthentication.REQUIRED) {
                throw new CertificateRequired("the client sent no certificate and this server requires one");
            }
            transcript.update(message);
            state = State.WAIT_FINISHED;
            return;
        }
        for (CertificateEntry entry : certificate.entries()) {
            if (!entry.extensions().isEmpty()) {
                throw new UnsupportedExtension("the client's Certificate carries extensions "
                        + entry.extensions().typeCodes() + " that the CertificateRequest did not ask for");
            }
        }
        acceptPeerCredential(certificate, clientCertificateType, Purpose.CLIENT_AUTH, null, clock);
        transcript.update(message);
        state = State.WAIT_CERTIFICATE_VERIFY;
    }

    private void onCertificateVerify(byte[] message) {
        verifyCertificateVerify(message);
        state = State.WAIT_FINISHED;
    }

    /** The client's Finished, RFC 8446 §4.4.4: the handshake is complete. */
    private void onFinished(byte[] message) {
        verifyFinished(message, clientHandshakeSecret);
        transport.switchReadKeys(cipherSuite, clientApplicationSecret);
        state = State.CONNECTED;
        complete(clientApplicationSecret, serverApplicationSecret);
    }
}
