package io.siotls.jsse;

import io.siotls.ClientSessionCache;
import io.siotls.SessionKey;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.SignatureScheme;
import java.security.Principal;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;

/**
 * The session of one engine, before, during and after its handshake: JSSE hosts size their
 * buffers from it before the handshake and key and trust managers read it during. A server's
 * session resumed with a ticket reports the peer certificates of the handshake that issued the
 * ticket. A client's session, when its engine was given the peer's host, is kept in the context's
 * client session cache as the tickets the server sent: {@link #invalidate} drops them, so that the
 * next connection to that peer runs a full handshake.
 */
final class SiotlsSession extends ExtendedSSLSession {

    /** SunJSSE's sizes: a 2^14 plaintext record with its header, AEAD expansion and padding room. */
    static final int PACKET_BUFFER_SIZE = 16709;
    static final int APPLICATION_BUFFER_SIZE = 16704;

    private static final SecureRandom IDS = new SecureRandom();

    private final byte[] id = new byte[32];
    private final long creationTime = System.currentTimeMillis();
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final String peerHost;
    private final int peerPort;
    private final SSLSessionContext context;
    private volatile long lastAccessedTime = creationTime;
    private volatile boolean valid = true;
    private volatile TLSNegotiatedConfiguration negotiated;
    private volatile List<SNIServerName> requestedServerNames = List.of();
    private volatile List<SignatureScheme> localSchemes = List.of();
    private volatile List<SignatureScheme> peerSchemes = List.of();
    private volatile X509Certificate[] peerCertificates;
    private volatile X509Certificate[] localCertificates;
    private volatile ClientSessionCache sessionCache;
    private volatile SessionKey sessionKey;

    SiotlsSession(String peerHost, int peerPort, SSLSessionContext context) {
        IDS.nextBytes(id);
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.context = context;
    }

    /**
     * Takes what was negotiated: at the end of the handshake, and again when post-handshake
     * authentication (RFC 8446 §4.6.2) gave the peer's chain.
     */
    void negotiated(TLSNegotiatedConfiguration nconfig) {
        this.negotiated = nconfig;
        this.lastAccessedTime = System.currentTimeMillis();
        if (!nconfig.peerCertificateChain().isEmpty()) {
            this.peerCertificates = nconfig.peerCertificateChain().toArray(new X509Certificate[0]);
        }
        if (nconfig.serverName() != null) {
            this.requestedServerNames = List.of(new SNIHostName(nconfig.serverName()));
        }
    }

    /** Client-side: the cache that keeps this session's tickets, under {@code key}. */
    void keptIn(ClientSessionCache cache, SessionKey key) {
        this.sessionCache = cache;
        this.sessionKey = key;
    }

    /** Whether the handshake resumed a session (RFC 8446 §2.2); false before it completed. */
    boolean resumed() {
        TLSNegotiatedConfiguration nconfig = negotiated;
        return nconfig != null && nconfig.resumed();
    }

    void requestedServerName(String name) {
        this.requestedServerNames = name == null ? List.of() : List.of(new SNIHostName(name));
    }

    void signatureSchemes(List<SignatureScheme> local, List<SignatureScheme> peer) {
        this.localSchemes = List.copyOf(local);
        this.peerSchemes = List.copyOf(peer);
    }

    void peerCertificates(List<X509Certificate> chain) {
        this.peerCertificates = chain.toArray(new X509Certificate[0]);
    }

    void localCertificates(List<X509Certificate> chain) {
        this.localCertificates = chain.isEmpty() ? null : chain.toArray(new X509Certificate[0]);
    }

    /** What was negotiated, or {@code null} before the handshake completed. */
    TLSNegotiatedConfiguration negotiated() {
        return negotiated;
    }

    @Override
    public byte[] getId() {
        return id.clone();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void invalidate() {
        valid = false;
        ClientSessionCache cache = sessionCache;
        if (cache != null) {
            cache.remove(sessionKey);
        }
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void putValue(String name, Object value) {
        Object old = values.put(name, value);
        if (old instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener listener) {
            listener.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public Object getValue(String name) {
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        Object old = values.remove(name);
        if (old instanceof SSLSessionBindingListener listener) {
            listener.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public String[] getValueNames() {
        return values.keySet().toArray(new String[0]);
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        X509Certificate[] chain = peerCertificates;
        if (chain == null) {
            throw new SSLPeerUnverifiedException("the peer was not authenticated with a certificate");
        }
        return chain.clone();
    }

    @Override
    @SuppressWarnings("removal")
    public javax.security.cert.X509Certificate[] getPeerCertificateChain() throws SSLPeerUnverifiedException {
        throw new UnsupportedOperationException("javax.security.cert is deprecated; use getPeerCertificates()");
    }

    @Override
    public Certificate[] getLocalCertificates() {
        X509Certificate[] chain = localCertificates;
        return chain == null ? null : chain.clone();
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return ((X509Certificate) getPeerCertificates()[0]).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        X509Certificate[] chain = localCertificates;
        return chain == null ? null : chain[0].getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        TLSNegotiatedConfiguration nconfig = negotiated;
        return nconfig == null ? "SSL_NULL_WITH_NULL_NULL" : nconfig.cipherSuite().ianaName();
    }

    @Override
    public String getProtocol() {
        return negotiated == null ? "NONE" : JsseNames.TLS13;
    }

    @Override
    public String getPeerHost() {
        return peerHost;
    }

    @Override
    public int getPeerPort() {
        return peerPort;
    }

    @Override
    public int getPacketBufferSize() {
        return PACKET_BUFFER_SIZE;
    }

    @Override
    public int getApplicationBufferSize() {
        return APPLICATION_BUFFER_SIZE;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return localSchemes.stream().map(JsseNames::signatureAlgorithm).distinct().toArray(String[]::new);
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return peerSchemes.stream().map(JsseNames::signatureAlgorithm).distinct().toArray(String[]::new);
    }

    /** The stapled OCSP response of the peer's end-entity certificate, when there is one. */
    @Override
    public List<byte[]> getStatusResponses() {
        TLSNegotiatedConfiguration nconfig = negotiated;
        byte[] response = nconfig == null ? null : nconfig.peerOcspResponse();
        return response == null ? List.of() : List.of(response);
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return requestedServerNames;
    }

    @Override
    public String toString() {
        return "SiotlsSession{" + getProtocol() + ", " + getCipherSuite() + (resumed() ? ", resumed" : "")
                + ", peer " + peerHost + ":" + peerPort
                + ", id " + Arrays.hashCode(id) + "}";
    }
}
