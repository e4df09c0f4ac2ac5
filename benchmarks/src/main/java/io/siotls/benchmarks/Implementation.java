package io.siotls.benchmarks;

/** The TLS implementations measured side by side, all through the {@code SSLEngine} interface. */
public enum Implementation {
    /** The siotls engine through its JSSE provider. */
    SIOTLS("siotls"),
    /** The JDK's own SunJSSE: every ratio is to it. */
    SUNJSSE("SunJSSE"),
    /** BouncyCastle's JSSE provider (bctls), on the JDK's crypto providers as it comes. */
    BCJSSE("BouncyCastle's JSSE"),
    /** Netty's OpenSSL engine over BoringSSL (netty-tcnative), where its native library loads. */
    BORINGSSL("BoringSSL");

    private final String label;

    Implementation(String label) {
        this.label = label;
    }

    /** The name a report gives it. */
    String label() {
        return label;
    }
}
