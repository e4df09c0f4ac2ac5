package io.siotls.trust;

/** What a peer certificate is verified for: its extended key usage must allow it (RFC 5280 §4.2.1.12). */
public enum Purpose {
    /** The peer is a TLS server: id-kp-serverAuth. */
    SERVER_AUTH("1.3.6.1.5.5.7.3.1", "serverAuth", "TLS server authentication"),
    /** The peer is a TLS client: id-kp-clientAuth. */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2", "clientAuth", "TLS client authentication");

    private final String keyPurposeOid;
    private final String keyPurposeName;
    private final String description;

    Purpose(String keyPurposeOid, String keyPurposeName, String description) {
        this.keyPurposeOid = keyPurposeOid;
        this.keyPurposeName = keyPurposeName;
        this.description = description;
    }

    /** The OID of the key purpose an extended key usage must hold, e.g. {@code 1.3.6.1.5.5.7.3.1}. */
    public String keyPurposeOid() {
        return keyPurposeOid;
    }

    /** The RFC 5280 name of the key purpose, e.g. {@code serverAuth}. */
    public String keyPurposeName() {
        return keyPurposeName;
    }

    /** A phrase for messages, e.g. {@code TLS server authentication}. */
    public String description() {
        return description;
    }
}
