package io.siotls;

/** Whether a server asks clients for a certificate (mutual TLS), RFC 8446 §4.3.2. */
public enum ClientAuthentication {
    /** No CertificateRequest. */
    NONE,
    /** CertificateRequest sent; a client without a certificate still connects, unauthenticated. */
    OPTIONAL,
    /** CertificateRequest sent; a client without a certificate fails with certificate_required. */
    REQUIRED
}
