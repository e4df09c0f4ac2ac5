package io.siotls.spring.autoconfigure;

import org.springframework.core.io.Resource;

/**
 * Where a private key and its certificate chain come from: PEM files (certificate-chain,
 * private-key) or a key store (key-store, its password and alias). Each side has them, and so
 * has each SNI entry of the server.
 */
public abstract class SiotlsKeyProperties {

    /**
     * PEM file of the certificate chain, end-entity certificate first (or a DER
     * certificate); a PKCS#12 or JKS file goes to key-store instead.
     */
    private Resource certificateChain;

    /** PEM or DER file of the private key of the end-entity certificate or of the public key (PKCS#8, encrypted PKCS#8, SEC1, PKCS#1). */
    private Resource privateKey;

    /** Password of an encrypted private key. */
    private String privateKeyPassword;

    /**
     * PKCS#12 or JKS key store holding the private key and its certificate chain (a
     * private key entry), instead of certificate-chain and private-key; its type is told by its
     * content.
     */
    private Resource keyStore;

    /** Password of key-store; required with it. */
    private String keyStorePassword;

    /** Alias of the private key entry of key-store to use; required when it holds several. */
    private String keyAlias;

    /** Password of the private key entry of key-store, when it is not key-store-password. */
    private String keyPassword;

    public Resource getCertificateChain() {
        return certificateChain;
    }

    public void setCertificateChain(Resource certificateChain) {
        this.certificateChain = certificateChain;
    }

    public Resource getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(Resource privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    public Resource getKeyStore() {
        return keyStore;
    }

    public void setKeyStore(Resource keyStore) {
        this.keyStore = keyStore;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
    }

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }
}
