package io.siotls.jsse;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.connection.RecordStep;
import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.connection.RecordConnection;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.TLSException;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.record.RecordHeader;
import io.siotls.record.RecordLimits;
import io.siotls.trust.HostnameVerifier;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JSSE {@link SSLEngine} on top of a siotls {@link RecordConnection}: one record per wrap,
 * gathered from all the caller's buffers as SunJSSE does, and one per unwrap, sealed into and
 * opened from the caller's buffers; handshake status reported as Tomcat, Netty and the JDK's
 * HttpClient expect it (FINISHED once, in a result). Thread-safe: every method is synchronized,
 * as hosts poll the status from other threads. TLS 1.3 only.
 */
public final class SiotlsSSLEngine extends SSLEngine {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Header, content type and the largest AEAD tag around a record's plaintext. */
    private static final int RECORD_OVERHEAD = RecordLimits.HEADER_LENGTH + 1 + 16;

    private final ContextState context;
    private final SiotlsSession session;
    private Boolean clientMode;
    private List<CipherSuite> enabledCipherSuites;
    private boolean cipherSuitesChosen;
    private boolean needClientAuth;
    private boolean wantClientAuth;
    private boolean clientAuthChosen;
    private String endpointIdentificationAlgorithm;
    private List<SNIServerName> serverNames;
    private Collection<SNIMatcher> sniMatchers;
    private String[] applicationProtocols = new String[0];
    private int maximumPacketSize = SiotlsSession.PACKET_BUFFER_SIZE;
    private boolean useCipherSuitesOrder = true;
    private BiFunction<SSLEngine, List<String>, String> protocolSelector;
    private boolean sessionCreation = true;
    private String[] namedGroups;
    private String[] signatureSchemes;

    private RecordConnection connection;
    private boolean finishedReported;
    private boolean outcomePublished;
    private long handshakeStart;
    private boolean inboundClosedBeforeStart;
    private boolean outboundClosedBeforeStart;
    private ByteBuffer scatterBuffer;

    SiotlsSSLEngine(ContextState context, String peerHost, int peerPort) {
        super(peerHost, peerPort);
        this.context = context;
        this.session = new SiotlsSession(peerHost, peerPort, null);
    }

    // ---- handshake -------------------------------------------------------------------------

    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (connection != null) {
            if (connection.isHandshakeComplete()) {
                throw new SSLException("renegotiation is not part of TLS 1.3; use KeyUpdate");
            }
            return;
        }
        if (clientMode == null) {
            throw new IllegalStateException("setUseClientMode() must be called before the handshake");
        }
        if (inboundClosedBeforeStart || outboundClosedBeforeStart) {
            throw new SSLException("the engine was closed before its handshake");
        }
        if (!sessionCreation) {
            throw new SSLHandshakeException("session creation is disabled");
        }
        try {
            handshakeStart = System.nanoTime();
            TLSConfiguration config = context.baseConfiguration(clientMode);
            ConnectionOptions options = connectionOptions();
            session.signatureSchemes(certificateSchemes(options.signatureAlgorithms() != null
                    ? options.signatureAlgorithms() : config.signatureAlgorithms(), config), List.of());
            if (options.sessionCache() != null) {
                session.keptIn(options.sessionCache(), options.sessionKey(config));
            }
            connection = new RecordConnection(config, options);
            connection.initiateConnection();
        } catch (TLSException | IllegalArgumentException | IllegalStateException e) {
            SSLHandshakeException failure = new SSLHandshakeException("cannot start the TLS 1.3 handshake: "
                    + e.getMessage());
            failure.initCause(e);
            publishOutcome(failure);
            throw failure;
        }
    }

    /** Tells the context's {@link HandshakeListener}s of this handshake's end, once. */
    private void publishOutcome(SSLException failure) {
        if (outcomePublished) {
            return;
        }
        outcomePublished = true;
        Side side = Boolean.TRUE.equals(clientMode) ? Side.CLIENT : Side.SERVER;
        Duration duration = Duration.ofNanos(System.nanoTime() - handshakeStart);
        context.publish(new HandshakeEvent(side, duration, failure == null ? connection.nconfig() : null, failure,
                getPeerHost(), getPeerPort(), session));
    }

    /** For a trust manager that is not extended, the host endpoint identification checks; else null. */
    private String plainTrustManagerHost() {
        boolean identify = "HTTPS".equalsIgnoreCase(endpointIdentificationAlgorithm)
                || "LDAPS".equalsIgnoreCase(endpointIdentificationAlgorithm);
        return identify && !(context.trustManager() instanceof X509ExtendedTrustManager) ? endpointHost() : null;
    }

    private String sniName() {
        if (serverNames != null) {
            for (SNIServerName name : serverNames) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
            return null;
        }
        String host = getPeerHost();
        return host != null && host.indexOf('.') > 0 && !HostnameVerifier.isIpLiteral(host) ? host : null;
    }

    private String endpointHost() {
        String sni = sniName();
        return sni != null ? sni : getPeerHost();
    }

    /**
     * What this engine's SSLParameters and its managers change for its connection; the context's
     * configuration itself is shared by every engine, never copied.
     */
    private ConnectionOptions connectionOptions() {
        boolean client = clientMode;
        ConnectionOptions.Builder options = ConnectionOptions.builder();
        if (client) {
            String sni = sniName();
            options.serverName(sni);
            session.requestedServerName(sni);
            if (!context.usesManagers() && getPeerHost() != null) {
                options.verificationHostname(endpointHost());
            }
            if (getPeerHost() != null) {
                options.sessionCache(context.clientSessions.cache(), getPeerHost(), getPeerPort(),
                        endpointIdentificationAlgorithm == null ? null
                                : endpointIdentificationAlgorithm.toUpperCase(Locale.ROOT));
            }
        }
        if (context.usesManagers()) {
            options.truststore(new TrustManagerTrustStore(context.trustManager(), this, plainTrustManagerHost()));
            if (context.keyManager() != null) {
                options.signingChainSelector(new KeyManagerChains(context.keyManager(), this, session));
            }
        }
        if (cipherSuitesChosen) {
            options.cipherSuites(enabledCipherSuites);
        }
        if (applicationProtocols.length > 0) {
            options.alpn(Arrays.asList(applicationProtocols));
        }
        List<NamedGroup> groups = namedGroups != null
                ? JsseNames.knownNamedGroups(namedGroups)
                : ContextState.namedGroupsProperty();
        if (groups != null) {
            options.keyExchanges(groups);
        }
        List<SignatureScheme> schemes = signatureSchemes != null
                ? JsseNames.signatureSchemes(signatureSchemes, "SSLParameters.setSignatureSchemes")
                : ContextState.signatureSchemesProperty(client);
        if (schemes != null) {
            List<SignatureScheme> handshakeSchemes = schemes.stream()
                    .filter(SignatureScheme::allowedInCertificateVerify).toList();
            options.signatureAlgorithms(handshakeSchemes);
            options.privateKeySignatureAlgorithms(handshakeSchemes);
        }
        if (!client && (clientAuthChosen || context.usesManagers())) {
            options.clientAuthentication(needClientAuth ? ClientAuthentication.REQUIRED
                    : wantClientAuth ? ClientAuthentication.OPTIONAL : ClientAuthentication.NONE);
        }
        if (protocolSelector != null) {
            BiFunction<SSLEngine, List<String>, String> selector = protocolSelector;
            options.applicationProtocolSelector(offered -> selector.apply(this, offered));
        }
        if (maximumPacketSize < SiotlsSession.PACKET_BUFFER_SIZE) {
            options.maxRecordPlaintext(Math.max(64, maximumPacketSize - RECORD_OVERHEAD));
        }
        return options.build();
    }

    @Override
    public synchronized Runnable getDelegatedTask() {
        return null;
    }

    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        if (connection == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (connection.hasDataToSend()) {
            return HandshakeStatus.NEED_WRAP;
        }
        if (!connection.isHandshakeComplete() && !connection.isPostHandshake()) {
            return HandshakeStatus.NEED_UNWRAP;
        }
        return HandshakeStatus.NOT_HANDSHAKING;
    }

    /**
     * Server side: asks the client for its certificate after the handshake, TLS 1.3 post-handshake
     * authentication (RFC 8446 §4.6.2). The CertificateRequest goes out with the next
     * {@code wrap} ({@link #getHandshakeStatus()} is {@code NEED_WRAP}); the client's Certificate,
     * CertificateVerify and Finished are checked as {@code unwrap} takes them in, application data
     * flowing around them, against this engine's trust managers. Once the client's Finished
     * verified, {@code getSession().getPeerCertificates()} returns the client's chain. A bad answer
     * fails {@code unwrap} with the alert sent: certificate_required (no certificate when
     * {@code required}), illegal_parameter, the chain's alert, decrypt_error.
     *
     * @param required whether a client answering without a certificate fails the connection
     * @throws IllegalStateException before the handshake completed or after this side closed, on a
     *         client, when the client did not offer post_handshake_auth (RFC 8446 §4.2.6), when this
     *         engine has no trust material, or while an earlier request is unanswered
     */
    public synchronized void requestClientAuthentication(boolean required) {
        if (connection == null) {
            throw new IllegalStateException("the handshake has not started");
        }
        connection.requestClientCertificate(required);
    }

    /**
     * What the session reports as locally supported: the handshake's schemes, then every other
     * scheme the backend verifies in a certificate chain, rsa_pkcs1_* included, never SHA-1 (RFC
     * 8446 §4.2.3). A JDK trust manager checks a chain against this list once the protocol is
     * known, as when a client's chain arrives after the handshake (§4.6.2).
     */
    private static List<SignatureScheme> certificateSchemes(List<SignatureScheme> handshakeSchemes,
            TLSConfiguration config) {
        List<SignatureScheme> schemes = new ArrayList<>(handshakeSchemes);
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if (!schemes.contains(scheme) && scheme != SignatureScheme.RSA_PKCS1_SHA1
                    && scheme != SignatureScheme.ECDSA_SHA1 && config.crypto().supports(scheme)) {
                schemes.add(scheme);
            }
        }
        return schemes;
    }

    /** Whether a post-handshake CertificateRequest of this server waits for the client's answer. */
    synchronized boolean awaitingClientAuthentication() {
        return connection != null && connection.isAwaitingClientAuthentication();
    }

    /** The status a result reports: FINISHED once, on the step that ended the handshake. */
    private HandshakeStatus resultHandshakeStatus() {
        if (finishedReported && connection.nconfig() != session.negotiated()) {
            session.negotiated(connection.nconfig());
        }
        HandshakeStatus status = getHandshakeStatus();
        if (status == HandshakeStatus.NOT_HANDSHAKING && connection != null && connection.isHandshakeComplete()
                && !finishedReported) {
            finishedReported = true;
            session.negotiated(connection.nconfig());
            publishOutcome(null);
            return HandshakeStatus.FINISHED;
        }
        return status;
    }

    // ---- wrap / unwrap -----------------------------------------------------------------------

    @Override
    public synchronized SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
            throws SSLException {
        checkBuffers(srcs, offset, length);
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        if (connection == null) {
            if (outboundClosedBeforeStart) {
                return new SSLEngineResult(Status.CLOSED, HandshakeStatus.NOT_HANDSHAKING, 0, 0);
            }
            beginHandshake();
        }
        RecordStep step;
        try {
            step = connection.wrap(srcs, offset, length, dst);
        } catch (TLSException e) {
            throw sslException(e);
        }
        Status status = switch (step.status()) {
            case BUFFER_TOO_SMALL -> Status.BUFFER_OVERFLOW;
            case CLOSED -> Status.CLOSED;
            default -> isOutboundDone() ? Status.CLOSED : Status.OK;
        };
        return new SSLEngineResult(status, resultHandshakeStatus(), step.bytesConsumed(), step.bytesProduced());
    }

    @Override
    public synchronized SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
            throws SSLException {
        checkBuffers(dsts, offset, length);
        if (connection == null) {
            if (inboundClosedBeforeStart) {
                return new SSLEngineResult(Status.CLOSED, HandshakeStatus.NOT_HANDSHAKING, 0, 0);
            }
            beginHandshake();
        }
        if (!connection.isReceivingOpen()) {
            return new SSLEngineResult(Status.CLOSED, getHandshakeStatus(), 0, 0);
        }
        ByteBuffer target = unwrapTarget(src, dsts, offset, length);
        if (target == null) {
            return new SSLEngineResult(Status.BUFFER_OVERFLOW, getHandshakeStatus(), 0, 0);
        }
        RecordStep step;
        try {
            step = connection.unwrap(src, target);
        } catch (TLSException e) {
            throw sslException(e);
        }
        int produced = step.bytesProduced();
        if (target == scatterBuffer && produced > 0) {
            scatter(dsts, offset, length);
        }
        Status status = switch (step.status()) {
            case NEED_MORE_INPUT -> Status.BUFFER_UNDERFLOW;
            case BUFFER_TOO_SMALL -> Status.BUFFER_OVERFLOW;
            case CLOSED -> Status.CLOSED;
            default -> connection.isCloseNotifyReceived() ? Status.CLOSED : Status.OK;
        };
        return new SSLEngineResult(status, resultHandshakeStatus(), step.bytesConsumed(), produced);
    }

    /**
     * Where to open the next record: the caller's buffer when one has room for any record, else a
     * scratch buffer whose content is then scattered; null when the buffers together are too small.
     */
    private ByteBuffer unwrapTarget(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) {
        long room = 0;
        ByteBuffer first = null;
        for (int i = offset; i < offset + length; i++) {
            room += dsts[i].remaining();
            if (first == null && dsts[i].hasRemaining()) {
                first = dsts[i];
            }
        }
        int at = src.position();
        int fragmentLength = RecordHeader.isAvailable(src, at) ? RecordHeader.length(src, at) : 0;
        if (first != null && (length == 1 || first.remaining() >= fragmentLength)) {
            return first;
        }
        if (!connection.isHandshakeComplete()) {
            return first != null ? first : EMPTY;
        }
        if (room < fragmentLength) {
            return room == 0 && length == 1 ? dsts[offset] : null;
        }
        if (scatterBuffer == null) {
            scatterBuffer = ByteBuffer.allocate(SiotlsSession.APPLICATION_BUFFER_SIZE);
        }
        scatterBuffer.clear();
        return scatterBuffer;
    }

    private void scatter(ByteBuffer[] dsts, int offset, int length) {
        scatterBuffer.flip();
        for (int i = offset; i < offset + length && scatterBuffer.hasRemaining(); i++) {
            int count = Math.min(dsts[i].remaining(), scatterBuffer.remaining());
            ByteBuffer slice = scatterBuffer.slice().limit(count);
            dsts[i].put(slice);
            scatterBuffer.position(scatterBuffer.position() + count);
        }
        scatterBuffer.clear();
    }

    private static void checkBuffers(ByteBuffer[] buffers, int offset, int length) {
        if (buffers == null) {
            throw new IllegalArgumentException("buffers must not be null");
        }
        if (offset < 0 || length < 0 || offset > buffers.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " and length " + length + " out of "
                    + buffers.length + " buffers");
        }
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i] == null) {
                throw new IllegalArgumentException("buffer " + i + " is null");
            }
        }
    }

    /**
     * The JSSE exception for an engine error: the alert is named, and queued for the next wrap.
     * Errors during the handshake are SSLHandshakeExceptions; so are, as with SunJSSE, alerts about
     * the handshake that arrive after this side completed it (a TLS 1.3 client learns that the
     * server refused its certificate only then); other errors after it are SSLProtocolExceptions.
     */
    private SSLException sslException(TLSException e) {
        String message = e.getMessage();
        SSLException exception = !connection.isHandshakeComplete() || isHandshakeAlert(e)
                ? new SSLHandshakeException(message)
                : new SSLProtocolException(message);
        exception.initCause(e);
        if (exception instanceof SSLHandshakeException) {
            publishOutcome(exception);
        }
        return exception;
    }

    private static boolean isHandshakeAlert(TLSException e) {
        if (!(e instanceof TLSAlertException alert)) {
            return false;
        }
        return switch (alert.description()) {
            case HANDSHAKE_FAILURE, BAD_CERTIFICATE, UNSUPPORTED_CERTIFICATE, CERTIFICATE_REVOKED,
                    CERTIFICATE_EXPIRED, CERTIFICATE_UNKNOWN, UNKNOWN_CA, ACCESS_DENIED, DECRYPT_ERROR,
                    PROTOCOL_VERSION, INSUFFICIENT_SECURITY, INAPPROPRIATE_FALLBACK, MISSING_EXTENSION,
                    UNSUPPORTED_EXTENSION, UNRECOGNIZED_NAME, BAD_CERTIFICATE_STATUS_RESPONSE,
                    UNKNOWN_PSK_IDENTITY, CERTIFICATE_REQUIRED, NO_APPLICATION_PROTOCOL -> true;
            default -> false;
        };
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public synchronized void closeInbound() throws SSLException {
        if (connection == null) {
            inboundClosedBeforeStart = true;
            return;
        }
        boolean truncated = connection.isReceivingOpen() && !connection.isCloseNotifyReceived()
                && !connection.isFailed();
        connection.closeReceivingEnd();
        if (!connection.isHandshakeComplete()) {
            publishOutcome(new SSLHandshakeException("the peer closed the connection during the handshake"));
        }
        if (truncated) {
            throw new SSLException("inbound closed before the peer's close_notify: the data may have been truncated");
        }
    }

    @Override
    public synchronized boolean isInboundDone() {
        return connection == null ? inboundClosedBeforeStart : !connection.isReceivingOpen();
    }

    @Override
    public synchronized void closeOutbound() {
        if (connection == null) {
            outboundClosedBeforeStart = true;
            return;
        }
        connection.closeSendingEnd();
    }

    @Override
    public synchronized boolean isOutboundDone() {
        return connection == null ? outboundClosedBeforeStart
                : connection.isSendingClosed() && !connection.hasDataToSend();
    }

    // ---- sessions --------------------------------------------------------------------------------

    /**
     * Not synchronized: the session is fixed at construction, and a {@link HandshakeListener},
     * which runs holding its own engine's lock, may compare the sessions of other engines.
     */
    @Override
    public SSLSession getSession() {
        return session;
    }

    @Override
    public synchronized SSLSession getHandshakeSession() {
        return connection != null && (!connection.isHandshakeComplete() && !connection.isPostHandshake()
                || connection.isAwaitingClientAuthentication()) ? session : null;
    }

    @Override
    public synchronized String getApplicationProtocol() {
        if (connection == null || !connection.isHandshakeComplete()) {
            return null;
        }
        String alpn = connection.nconfig().alpn();
        return alpn == null ? "" : alpn;
    }

    @Override
    public synchronized String getHandshakeApplicationProtocol() {
        return getHandshakeSession() == null ? null : getApplicationProtocol();
    }

    @Override
    public synchronized void setHandshakeApplicationProtocolSelector(
            BiFunction<SSLEngine, List<String>, String> selector) {
        this.protocolSelector = selector;
    }

    @Override
    public synchronized BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return protocolSelector;
    }

    // ---- parameters ------------------------------------------------------------------------------

    @Override
    public synchronized String[] getSupportedCipherSuites() {
        return JsseNames.supportedCipherSuites();
    }

    @Override
    public synchronized String[] getEnabledCipherSuites() {
        return JsseNames.cipherSuiteNames(getEnabledCipherSuiteList());
    }

    private List<CipherSuite> getEnabledCipherSuiteList() {
        if (enabledCipherSuites != null) {
            return enabledCipherSuites;
        }
        return context.defaultCipherSuites(clientMode == null || clientMode);
    }

    @Override
    public synchronized void setEnabledCipherSuites(String[] suites) {
        enabledCipherSuites = JsseNames.cipherSuites(suites);
        cipherSuitesChosen = true;
    }

    @Override
    public synchronized String[] getSupportedProtocols() {
        return JsseNames.SUPPORTED_PROTOCOLS.clone();
    }

    @Override
    public synchronized String[] getEnabledProtocols() {
        return JsseNames.SUPPORTED_PROTOCOLS.clone();
    }

    @Override
    public synchronized void setEnabledProtocols(String[] protocols) {
        JsseNames.requireTls13(protocols);
    }

    @Override
    public synchronized void setUseClientMode(boolean mode) {
        if (connection != null) {
            throw new IllegalArgumentException("the mode cannot change once the handshake started");
        }
        clientMode = mode;
    }

    @Override
    public synchronized boolean getUseClientMode() {
        return clientMode != null && clientMode;
    }

    @Override
    public synchronized void setNeedClientAuth(boolean need) {
        needClientAuth = need;
        wantClientAuth = false;
        clientAuthChosen = true;
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
        return needClientAuth || (!clientAuthChosen && !context.usesManagers()
                && context.defaultClientAuthentication() == ClientAuthentication.REQUIRED);
    }

    @Override
    public synchronized void setWantClientAuth(boolean want) {
        wantClientAuth = want;
        needClientAuth = false;
        clientAuthChosen = true;
    }

    @Override
    public synchronized boolean getWantClientAuth() {
        return wantClientAuth || (!clientAuthChosen && !context.usesManagers()
                && context.defaultClientAuthentication() == ClientAuthentication.OPTIONAL);
    }

    @Override
    public synchronized void setEnableSessionCreation(boolean flag) {
        sessionCreation = flag;
    }

    @Override
    public synchronized boolean getEnableSessionCreation() {
        return sessionCreation;
    }

    @Override
    public synchronized SSLParameters getSSLParameters() {
        SSLParameters parameters = new SSLParameters(getEnabledCipherSuites(), getEnabledProtocols());
        if (needClientAuth || getNeedClientAuth()) {
            parameters.setNeedClientAuth(true);
        } else if (getWantClientAuth()) {
            parameters.setWantClientAuth(true);
        }
        parameters.setEndpointIdentificationAlgorithm(endpointIdentificationAlgorithm);
        if (serverNames != null) {
            parameters.setServerNames(serverNames);
        }
        if (sniMatchers != null) {
            parameters.setSNIMatchers(sniMatchers);
        }
        parameters.setApplicationProtocols(applicationProtocols.clone());
        parameters.setMaximumPacketSize(maximumPacketSize);
        parameters.setUseCipherSuitesOrder(useCipherSuitesOrder);
        JdkParameters.setNamedGroups(parameters, namedGroups);
        JdkParameters.setSignatureSchemes(parameters, signatureSchemes);
        return parameters;
    }

    /** Applies the non-null fields of {@code parameters}; nulls leave the current values, as JSSE says. */
    @Override
    public synchronized void setSSLParameters(SSLParameters parameters) {
        if (parameters.getCipherSuites() != null) {
            setEnabledCipherSuites(parameters.getCipherSuites());
        }
        if (parameters.getProtocols() != null) {
            setEnabledProtocols(parameters.getProtocols());
        }
        if (parameters.getNeedClientAuth()) {
            setNeedClientAuth(true);
        } else if (parameters.getWantClientAuth()) {
            setWantClientAuth(true);
        } else if (clientAuthChosen || context.usesManagers()) {
            setNeedClientAuth(false);
        }
        endpointIdentificationAlgorithm = parameters.getEndpointIdentificationAlgorithm();
        if (parameters.getServerNames() != null) {
            serverNames = List.copyOf(parameters.getServerNames());
        }
        if (parameters.getSNIMatchers() != null) {
            sniMatchers = List.copyOf(parameters.getSNIMatchers());
        }
        if (parameters.getApplicationProtocols() != null) {
            applicationProtocols = parameters.getApplicationProtocols().clone();
        }
        int packetSize = parameters.getMaximumPacketSize();
        if (packetSize > 0) {
            if (packetSize < 64 + RECORD_OVERHEAD) {
                throw new IllegalArgumentException("maximum packet size " + packetSize + " is below "
                        + (64 + RECORD_OVERHEAD) + ", the smallest record TLS allows (RFC 8449)");
            }
            maximumPacketSize = Math.min(packetSize, SiotlsSession.PACKET_BUFFER_SIZE);
        }
        useCipherSuitesOrder = parameters.getUseCipherSuitesOrder();
        String[] groups = JdkParameters.namedGroups(parameters);
        if (groups != null) {
            namedGroups = groups.clone();
        }
        String[] schemes = JdkParameters.signatureSchemes(parameters);
        if (schemes != null) {
            signatureSchemes = schemes.clone();
        }
    }

    @Override
    public String toString() {
        return "SiotlsSSLEngine[" + (clientMode == null ? "unset" : clientMode ? "client" : "server") + ", "
                + getPeerHost() + ":" + getPeerPort() + ", " + session.getCipherSuite() + "]";
    }

    /**
     * Nanoseconds left (by {@link System#nanoTime()}) before the handshake has taken longer than
     * limits.max_handshake_duration; for the socket, which bounds its reads by it.
     */
    long handshakeTimeLeftNanos() {
        long allowed = connection.config().limits().maxHandshakeDuration().toNanos();
        return handshakeStart + allowed - System.nanoTime();
    }
}
