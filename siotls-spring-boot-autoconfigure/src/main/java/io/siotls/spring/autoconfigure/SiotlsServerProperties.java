package io.siotls.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/** The {@code siotls.server.*} properties. */
public class SiotlsServerProperties extends SiotlsSideProperties {

    /**
     * Whether clients are asked for a certificate. Defaults to need when truststore (PEM or key
     * store alike) or trusted-public-keys is set, else none; want and need require one of them.
     */
    private ClientAuth clientAuth;

    /**
     * More certificate chains, each presented to clients asking for its host name (SNI), keyed
     * by that host name; write keys holding dots in brackets, e.g. sni[api.example.com]. Each
     * takes certificate-chain, private-key and private-key-password, or key-store,
     * key-store-password, key-alias and key-password.
     */
    private Map<String, SniChain> sni = new LinkedHashMap<>();

    /** DER file of an OCSP response stapled to the end-entity certificate when clients ask (RFC 8446 §4.4.2.1). */
    private Resource ocspResponse;

    /**
     * Whether the request for a client certificate names the certificate authorities of the
     * truststore (certificate_authorities, RFC 8446 §4.2.4), so that a client holding several
     * certificates picks the right one. Names over 8 KiB (the system trust store) are never sent.
     */
    private boolean sendCertificateAuthorities = true;

    public ClientAuth getClientAuth() {
        return clientAuth;
    }

    public void setClientAuth(ClientAuth clientAuth) {
        this.clientAuth = clientAuth;
    }

    public Map<String, SniChain> getSni() {
        return sni;
    }

    public void setSni(Map<String, SniChain> sni) {
        this.sni = sni;
    }

    public boolean isSendCertificateAuthorities() {
        return sendCertificateAuthorities;
    }

    public void setSendCertificateAuthorities(boolean sendCertificateAuthorities) {
        this.sendCertificateAuthorities = sendCertificateAuthorities;
    }

    public Resource getOcspResponse() {
        return ocspResponse;
    }

    public void setOcspResponse(Resource ocspResponse) {
        this.ocspResponse = ocspResponse;
    }

    /** Whether a server asks clients for a certificate (mutual TLS). */
    public enum ClientAuth {
        /** Clients are not asked for a certificate. */
        NONE,
        /** Clients are asked for a certificate; those without one still connect, unauthenticated. */
        WANT,
        /** Clients must present a certificate the server trusts. */
        NEED
    }

    /**
     * A certificate chain served for one SNI host name: certificate-chain and private-key, or
     * key-store. Its end-entity certificate must name the host.
     */
    public static class SniChain extends SiotlsKeyProperties {
    }
}
