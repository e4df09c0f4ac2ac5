package io.siotls.spring.autoconfigure;

import io.siotls.TLSConfiguration;
import java.time.Duration;
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

    /** The NewSessionTickets sent after each handshake, with which clients resume their sessions. */
    private SessionTickets sessionTickets = new SessionTickets();

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

    public SessionTickets getSessionTickets() {
        return sessionTickets;
    }

    public void setSessionTickets(SessionTickets sessionTickets) {
        this.sessionTickets = sessionTickets;
    }

    public Resource getOcspResponse() {
        return ocspResponse;
    }

    public void setOcspResponse(Resource ocspResponse) {
        this.ocspResponse = ocspResponse;
    }

    /**
     * The stateless session tickets of RFC 8446 §4.6.1: sealed with random keys each server makes
     * for itself and rotates every rotation-period, or with the keys of a key-file that servers
     * behind one load balancer share, so that each resumes the sessions of the others.
     */
    public static class SessionTickets {

        /** Whether tickets are sent, so that clients may resume their sessions; false sends none. */
        private boolean enabled = true;

        /**
         * How many tickets are sent after each full handshake, from 0 (sessions are never resumed) to
         * 16; a resumed handshake sends one, replacing the ticket it used.
         */
        private int count = TLSConfiguration.DEFAULT_SESSION_TICKETS;

        /** How long a ticket may be resumed, at most 7 days (RFC 8446 §4.6.1). */
        private Duration lifetime = TLSConfiguration.DEFAULT_SESSION_TICKET_LIFETIME;

        /**
         * How often the random ticket key is replaced, from 1 minute to 7 days; the replaced keys
         * open their tickets until these expire. Not with key-file, whose keys change when the
         * file is replaced.
         */
        private Duration rotationPeriod;

        /**
         * File of the ticket keys shared by servers that resume each other's sessions: one key per
         * line, the Base64 of 32 random bytes (openssl rand -base64 32); the first seals, all open.
         * Rotate by writing a new key first and the previous one second; reload-on-update takes
         * up the new file.
         */
        private Resource keyFile;

        /**
         * INSECURE for recorded traffic: also resume with psk_ke, without an (EC)DHE exchange
         * (RFC 8446 §4.2.9), when a client offers only that mode. Such connections have no forward
         * secrecy: whoever later obtains the ticket keys decrypts them. A client offering
         * psk_dhe_ke still gets it. Logs a warning at every start.
         */
        private boolean pskKeWithoutForwardSecrecy;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration getRotationPeriod() {
            return rotationPeriod;
        }

        public void setRotationPeriod(Duration rotationPeriod) {
            this.rotationPeriod = rotationPeriod;
        }

        public boolean isPskKeWithoutForwardSecrecy() {
            return pskKeWithoutForwardSecrecy;
        }

        public void setPskKeWithoutForwardSecrecy(boolean pskKeWithoutForwardSecrecy) {
            this.pskKeWithoutForwardSecrecy = pskKeWithoutForwardSecrecy;
        }

        public Resource getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(Resource keyFile) {
            this.keyFile = keyFile;
        }

        /** Whether tickets are sent at all: enabled, and a count above 0. */
        public boolean sendsTickets() {
            return enabled && count > 0;
        }
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
