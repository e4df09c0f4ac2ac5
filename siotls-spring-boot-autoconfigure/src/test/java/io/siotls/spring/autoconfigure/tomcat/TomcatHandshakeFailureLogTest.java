package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.spring.autoconfigure.HandshakeFailureLogContract;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The handshake failure log of a servlet application on embedded Tomcat with siotls mutual TLS:
 * the peer of each refusal comes from {@link TomcatHandshakePeers}.
 */
class TomcatHandshakeFailureLogTest extends HandshakeFailureLogContract {

    @Override
    protected SpringApplicationBuilder onServer(SpringApplicationBuilder application) {
        return application.web(WebApplicationType.SERVLET);
    }
}
