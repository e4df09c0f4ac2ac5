package io.siotls.testing;

/** The extended key usage a test leaf certificate carries (RFC 5280 §4.2.1.12). */
public enum Eku {
    /** id-kp-serverAuth only. */
    SERVER_AUTH,
    /** id-kp-clientAuth only. */
    CLIENT_AUTH,
    /** id-kp-serverAuth and id-kp-clientAuth. */
    BOTH,
    /** anyExtendedKeyUsage only. */
    ANY,
    /** No extended key usage extension at all. */
    NONE
}
