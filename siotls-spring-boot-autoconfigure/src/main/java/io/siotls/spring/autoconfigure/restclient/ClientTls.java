package io.siotls.spring.autoconfigure.restclient;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What the request factories' TLS is made of: the client {@link SSLContext} bean and the
 * longest time a handshake may take.
 *
 * @param context the context every HTTPS connection is made with
 * @param handshakeTimeout {@code siotls.client.handshake-timeout}, or {@code null} for none
 */
record ClientTls(SSLContext context, Duration handshakeTimeout) {

    ClientTls {
        Objects.requireNonNull(context, "context");
    }
}
