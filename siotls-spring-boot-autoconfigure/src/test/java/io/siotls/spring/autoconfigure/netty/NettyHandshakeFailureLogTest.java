package io.siotls.spring.autoconfigure.netty;

import io.siotls.spring.autoconfigure.HandshakeFailureLogContract;
import io.siotls.spring.autoconfigure.TestApplications;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The handshake failure log of a reactive application on Reactor Netty with siotls mutual TLS
 * (HTTP/2 by ALPN, so each engine sits behind Netty's ALPN wrapper): the peer of each refusal
 * comes from {@link NettyHandshakePeers}.
 */
class NettyHandshakeFailureLogTest extends HandshakeFailureLogContract {

    @Override
    protected SpringApplicationBuilder onServer(SpringApplicationBuilder application) {
        return application.web(WebApplicationType.REACTIVE)
                .properties("spring.autoconfigure.exclude=" + TestApplications.TOMCAT_REACTIVE);
    }
}
