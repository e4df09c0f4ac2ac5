package io.siotls.benchmarks;

import javax.net.ssl.SSLException;

/** Where a handshake benchmark takes its next handshake from: full ones, or resumed ones. */
interface HandshakeSource {

    /** One handshake on new engines, completed, with whatever native state it held freed. */
    EnginePair next() throws SSLException;
}
