package io.siotls.benchmarks;

/** The TLS implementations measured side by side. */
public enum Implementation {
    /** The siotls engine through its JSSE provider. */
    SIOTLS,
    /** The JDK's own SunJSSE. */
    SUNJSSE
}
