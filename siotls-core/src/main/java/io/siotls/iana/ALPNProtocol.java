package io.siotls.iana;

/**
 * Well-known application protocol ids of the IANA TLS ALPN Protocol IDs registry (RFC 7301 §6).
 * The engine takes any protocol id as a string; these constants only spare typing them.
 */
public final class ALPNProtocol {
    public static final String HTTP_1_1 = "http/1.1";
    public static final String H2 = "h2";
    public static final String H3 = "h3";
    public static final String ACME_TLS_1 = "acme-tls/1";

    private ALPNProtocol() {
    }
}
