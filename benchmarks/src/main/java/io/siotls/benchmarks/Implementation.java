package io.siotls.benchmarks;

/** The TLS implementations measured side by side, all through the {@code SSLEngine} interface. */
public enum Implementation {
    /** The siotls engine through its JSSE provider. */
    SIOTLS,
    /** The JDK's own SunJSSE: every ratio is to it. */
    SUNJSSE,
    /** BouncyCastle's JSSE provider (bctls), on the JDK's crypto providers as it comes. */
    BCJSSE,
    /** Netty's OpenSSL engine over BoringSSL (netty-tcnative), where its native library loads. */
    BORINGSSL
}
