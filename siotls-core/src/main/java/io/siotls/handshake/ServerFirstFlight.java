package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.EarlyDataStatus;
import io.siotls.crypto.ServerKeyShare;
import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.MaxFragmentLengthExtension;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.extensions.RecordSizeLimitExtension;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.extensions.StatusRequestExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.IanaCode;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.TLSVersion;
import io.siotls.keyschedule.EarlySecret;
import io.siotls.keyschedule.HandshakeSecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.MasterSecret;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.messages.ServerHello;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server's answer to an acceptable ClientHello, one step per message, then the state waiting
 * for the client's second flight: a full handshake (RFC 8446 §2: ServerHello, EncryptedExtensions,
 * CertificateRequest, Certificate, CertificateVerify, Finished), or a resumed one (§2.2:
 * ServerHello with pre_shared_key, EncryptedExtensions, Finished), the same with an external PSK,
 * or either without a key share (psk_ke, §4.2.9).
 */
final class ServerFirstFlight {

    private final Context context;
    private final TranscriptHash transcript;
    private final ClientHello hello;
    private final CipherSuite suite;
    private final KeyShareEntry clientShare;
    private final NamedGroup group;
    private final boolean firstServerMessage;
    private final KeySchedule schedule;
    private final Negotiation negotiation = new Negotiation();
    private boolean earlyDataAccepted;

    /**
     * @param schedule the key schedule of {@code suite}
     * @param clientShare the client's key share to answer, or {@code null} for psk_ke (RFC 8446 §4.2.9)
     * @param firstServerMessage whether no HelloRetryRequest came before (RFC 8446 §D.4's one change_cipher_spec)
     */
    ServerFirstFlight(Context context, TranscriptHash transcript, ClientHello hello, CipherSuite suite,
            KeySchedule schedule, KeyShareEntry clientShare, boolean firstServerMessage) {
        this.context = context;
        this.transcript = transcript;
        this.hello = hello;
        this.suite = suite;
        this.clientShare = clientShare;
        this.group = clientShare == null ? null : NamedGroup.fromCode(clientShare.group());
        this.firstServerMessage = firstServerMessage;
        this.schedule = schedule;
    }

    /** Sends a full handshake's flight and returns the state waiting for the client's Certificate or Finished. */
    State send() {
        ServerParameters parameters = ServerParameters.negotiate(context.policy(), hello);
        record(parameters);
        HandshakeSecret handshakeSecret = sendServerHello(schedule.earlySecretWithoutPsk(), List.of());
        TrafficSecrets handshakeTraffic = switchToHandshakeKeys(handshakeSecret);
        sendEncryptedExtensions(parameters, false);
        boolean requestClientCertificate = context.policy().clientAuthentication() != ClientAuthentication.NONE;
        if (requestClientCertificate) {
            context.send(transcript, CertificateRequests.of(context, new byte[0]));
        }
        sendCertificate(parameters);
        sendCertificateVerify(parameters);
        ExpectClientFinished finished = finish(handshakeSecret, handshakeTraffic, context.clock().instant(),
                context.config().sessionTickets());
        return requestClientCertificate
                ? new ExpectClientCertificate(context, transcript, parameters.clientCertificateType(), negotiation,
                        finished)
                : finished;
    }

    /**
     * Sends a resumed handshake's flight (RFC 8446 §2.2, psk_dhe_ke): the key schedule starts
     * from the ticket's PSK, the ServerHello selects it, no certificate is requested or sent, the
     * client keeps the identity it authenticated with in the full handshake. Returns the state
     * waiting for the client's Finished.
     */
    State resume(AcceptedTicket ticket) {
        SessionState session = ticket.session();
        ServerParameters parameters = ServerParameters.negotiateResumed(context.policy(), hello, session);
        record(parameters);
        negotiation.resumed = true;
        negotiation.peerCertificateChain = session.peerChain();
        negotiation.peerPublicKey = session.peerPublicKey();
        earlyDataAccepted = ServerEarlyData.accepts(context, hello, ticket, suite, parameters.alpn());
        byte[] earlyTraffic = earlyDataAccepted ? clientEarlyTrafficSecret(ticket) : null;
        HandshakeSecret handshakeSecret = sendServerHello(ticket.earlySecret(),
                List.of(PreSharedKeyExtension.selected(ticket.index())));
        TrafficSecrets handshakeTraffic = switchToHandshakeKeys(handshakeSecret);
        sendEncryptedExtensions(parameters, true);
        ExpectClientFinished finished = finish(handshakeSecret, handshakeTraffic, session.authenticated(),
                Math.min(1, context.config().sessionTickets()));
        if (!earlyDataAccepted) {
            return finished;
        }
        context.transport().switchReadKeys(suite, earlyTraffic);
        Arrays.fill(earlyTraffic, (byte) 0);
        return new ExpectEndOfEarlyData(context, transcript, suite, handshakeTraffic.client(), session.maxEarlyData(),
                finished);
    }

    /**
     * 0-RTT accepted (RFC 8446 §2.3): the client_early_traffic_secret of Transcript-Hash(ClientHello),
     * logged; the skipping of rejected early data stops, as this early data is read instead.
     */
    private byte[] clientEarlyTrafficSecret(AcceptedTicket ticket) {
        byte[] secret = ticket.earlySecret().clientEarlyTrafficSecret(transcript.current());
        context.transport().logSecret("CLIENT_EARLY_TRAFFIC_SECRET", hello.random(), secret);
        context.transport().skipRejectedEarlyData(0);
        context.transport().earlyDataSettled(EarlyDataStatus.ACCEPTED);
        return secret;
    }

    /**
     * Sends the flight of a handshake authenticated by an external PSK (RFC 8446 §2.2, §4.2.11):
     * as {@link #resume}, with the identity recorded as the client's authentication, and no
     * session ticket after it (§4.6.1 leaves that to the server: each connection proves the PSK).
     */
    State authenticate(AcceptedExternalPsk psk) {
        ServerParameters parameters = ServerParameters.negotiateWithExternalPsk(context.policy(), hello);
        record(parameters);
        negotiation.externalPskIdentity = psk.psk().identity();
        HandshakeSecret handshakeSecret = sendServerHello(psk.earlySecret(),
                List.of(PreSharedKeyExtension.selected(psk.index())));
        TrafficSecrets handshakeTraffic = switchToHandshakeKeys(handshakeSecret);
        sendEncryptedExtensions(parameters, true);
        Authentication.sendFinished(context, transcript, schedule, handshakeTraffic.server());
        Arrays.fill(handshakeTraffic.server(), (byte) 0);
        MasterSecret master = handshakeSecret.masterSecret();
        TrafficSecrets application = context.applicationTrafficSecrets(master, transcript.current(), hello.random());
        context.transport().switchWriteKeys(suite, application.server());
        master.forget();
        return new ExpectClientFinished(context, transcript, schedule, handshakeTraffic.client(), application,
                negotiation, null, hello.extensions().contains(ExtensionType.POST_HANDSHAKE_AUTH));
    }

    private void record(ServerParameters parameters) {
        negotiation.cipherSuite = suite;
        negotiation.keyExchange = group;
        negotiation.serverName = parameters.serverName();
        negotiation.peerWantOcspStapling = parameters.peerWantOcspStapling();
        negotiation.canSendHeartbeat = parameters.canSendHeartbeat();
        negotiation.serverCertificateType = parameters.serverCertificateType();
        negotiation.clientCertificateType = parameters.clientCertificateType();
        negotiation.alpn = parameters.alpn();
        negotiation.signatureAlgorithm = parameters.credential() == null ? null : parameters.credential().scheme();
    }

    /**
     * ServerHello with {@code pskExtensions} and the server's key share, RFC 8446 §4.1.3 and
     * §4.2.8 (none in psk_ke), then the one change_cipher_spec of middlebox compatibility mode
     * (§D.4); returns the Handshake Secret of {@code earlySecret} and the (EC)DHE shared secret,
     * Hash.length zeros in psk_ke (§7.1).
     */
    private HandshakeSecret sendServerHello(EarlySecret earlySecret, List<Extension> pskExtensions) {
        List<Extension> extensions = new ArrayList<>(pskExtensions);
        byte[] sharedSecret;
        if (clientShare == null) {
            sharedSecret = new byte[suite.hashLength()];
        } else {
            ServerKeyShare own = context.entropy().serverKeyShare(context.crypto().keyExchange(group),
                    clientShare.keyExchange());
            sharedSecret = own.sharedSecret();
            extensions.add(KeyShareExtension.serverShare(new KeyShareEntry(clientShare.group(), own.share())));
        }
        extensions.add(SupportedVersionsExtension.selected(TLSVersion.TLS_1_3.code()));
        context.send(transcript, new ServerHello(TLSVersion.TLS_1_2.code(), context.entropy().helloRandom(),
                hello.legacySessionId(), suite.code(), 0, ExtensionBlock.of(extensions)));
        if (firstServerMessage && hello.legacySessionId().length > 0) {
            context.transport().sendChangeCipherSpec();
        }
        HandshakeSecret handshakeSecret = earlySecret.handshakeSecret(sharedSecret);
        Arrays.fill(sharedSecret, (byte) 0);
        return handshakeSecret;
    }

    /**
     * Finished, RFC 8446 §4.4.4, then the application write keys; returns the state waiting for
     * the client's Finished, which issues the tickets.
     *
     * @param authenticated when the client last authenticated with a full handshake
     * @param tickets how many NewSessionTickets to send: the configured count after a full
     *        handshake, at most one after a resumed one, replacing the ticket the client used (as
     *        OpenSSL does)
     */
    private ExpectClientFinished finish(HandshakeSecret handshakeSecret, TrafficSecrets handshakeTraffic,
            Instant authenticated, int tickets) {
        Authentication.sendFinished(context, transcript, schedule, handshakeTraffic.server());
        Arrays.fill(handshakeTraffic.server(), (byte) 0);
        MasterSecret master = handshakeSecret.masterSecret();
        TrafficSecrets application = context.applicationTrafficSecrets(master, transcript.current(), hello.random());
        context.transport().switchWriteKeys(suite, application.server());
        return new ExpectClientFinished(context, transcript, schedule, handshakeTraffic.client(), application,
                negotiation, TicketIssuer.forHandshake(context, schedule, master, authenticated, tickets),
                hello.extensions().contains(ExtensionType.POST_HANDSHAKE_AUTH));
    }

    /** The handshake traffic secrets protect both directions from here on, RFC 8446 §7.1 and §7.3. */
    private TrafficSecrets switchToHandshakeKeys(HandshakeSecret handshakeSecret) {
        TrafficSecrets secrets = context.handshakeTrafficSecrets(handshakeSecret, transcript.current(), hello.random());
        context.transport().switchWriteKeys(suite, secrets.server());
        context.transport().switchReadKeys(suite, secrets.client());
        return secrets;
    }

    /**
     * EncryptedExtensions, RFC 8446 §4.3.1. supported_groups (§4.2.7) only when the group used is
     * not this server's first choice: the client may then offer that one in its next key_share,
     * and otherwise the list would tell it nothing. No certificate types when resumed: no
     * certificate is sent (RFC 7250 §4.2).
     */
    private void sendEncryptedExtensions(ServerParameters parameters, boolean resumed) {
        ExtensionBlock offered = hello.extensions();
        ConnectionPolicy policy = context.policy();
        List<Extension> extensions = new ArrayList<>();
        if (context.config().alwaysSendSupportedGroups() || (group != null && group != policy.keyExchanges().get(0))) {
            extensions.add(new SupportedGroupsExtension(codes(policy.keyExchanges())));
        }
        RecordSizeLimitExtension limit = offered.get(ExtensionType.RECORD_SIZE_LIMIT, RecordSizeLimitExtension.class);
        MaxFragmentLengthExtension fragment =
                offered.get(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLengthExtension.class);
        if (limit != null) {
            negotiation.maxFragmentLength = context.applyRecordSizeLimits(limit.limit());
            extensions.add(new RecordSizeLimitExtension(context.ownRecordSizeLimit()));
        } else if (fragment != null) {
            negotiation.maxFragmentLength = context.applyMaxFragmentLength(fragment.length());
            extensions.add(fragment);
        }
        if (parameters.serverName() != null) {
            extensions.add(ServerNameExtension.acknowledgement());
        }
        if (parameters.alpn() != null) {
            extensions.add(new ALPNExtension(List.of(parameters.alpn())));
        }
        if (earlyDataAccepted) {
            extensions.add(EarlyDataExtension.indication());
        }
        if (offered.contains(ExtensionType.HEARTBEAT)) {
            extensions.add(Context.ownHeartbeatMode());
        }
        if (offered.contains(ExtensionType.SERVER_CERTIFICATE_TYPE) && !resumed) {
            extensions.add(CertificateTypeExtension.selected(ExtensionType.SERVER_CERTIFICATE_TYPE,
                    parameters.serverCertificateType().code()));
        }
        if (offered.contains(ExtensionType.CLIENT_CERTIFICATE_TYPE) && !resumed
                && policy.clientAuthentication() != ClientAuthentication.NONE) {
            extensions.add(CertificateTypeExtension.selected(ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    parameters.clientCertificateType().code()));
        }
        context.send(transcript, new EncryptedExtensions(ExtensionBlock.of(extensions)));
    }

    /** Certificate, RFC 8446 §4.4.2: the chain, its end-entity with the OCSP response when asked for. */
    private void sendCertificate(ServerParameters parameters) {
        if (parameters.serverCertificateType() == CertificateType.RAW_PUBLIC_KEY) {
            context.send(transcript, Authentication.rawPublicKeyCertificate(context));
            return;
        }
        byte[] response = context.config().ocspResponse();
        ExtensionBlock stapled = !parameters.peerWantOcspStapling() || response == null ? ExtensionBlock.empty()
                : ExtensionBlock.of(List.of(StatusRequestExtension.response(response)));
        context.send(transcript, new CertificateMessage(new byte[0],
                ClientCredentials.entries(parameters.credential().chain().chain(), stapled)));
    }

    /** CertificateVerify, RFC 8446 §4.4.3, with the chain's key or the raw public key's. */
    private void sendCertificateVerify(ServerParameters parameters) {
        CredentialSelector.Choice credential = parameters.credential();
        Authentication.sendCertificateVerify(context, transcript, credential.scheme(),
                parameters.serverCertificateType() == CertificateType.RAW_PUBLIC_KEY
                        ? context.config().privateKey() : credential.chain().privateKey());
    }

    private static List<Integer> codes(List<? extends IanaCode> values) {
        return values.stream().map(IanaCode::code).toList();
    }
}
