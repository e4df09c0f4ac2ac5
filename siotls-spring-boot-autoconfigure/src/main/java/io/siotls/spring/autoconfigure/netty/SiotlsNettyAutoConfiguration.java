package io.siotls.spring.autoconfigure.netty;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty's web server (WebFlux) serving HTTPS on the siotls server {@link SSLContext}
 * when {@code siotls.server.*} is configured. Boot's own SSL path would rebuild a Netty context
 * from key and trust manager factories on the default provider, so the server is secured by a
 * customizer instead. The peers of its connections are noted for the handshake failure log
 * ({@link NettyHandshakePeers}).
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
@ConditionalOnClass({HttpServer.class, NettyReactiveWebServerFactory.class})
public class SiotlsNettyAutoConfiguration {

    @Bean
    @ConditionalOnBean(name = SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
    @ConditionalOnMissingBean
    SiotlsNettyServerCustomizer siotlsNettyServerCustomizer(
            @Qualifier(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT) SSLContext context, SiotlsProperties properties,
            Environment environment) {
        boolean http2 = environment.getProperty("server.http2.enabled", Boolean.class, false);
        return new SiotlsNettyServerCustomizer(context, http2, properties.getServer().getHandshakeTimeout());
    }

    @Bean
    @ConditionalOnBean(name = SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
    @ConditionalOnMissingBean
    NettyHandshakePeers siotlsNettyHandshakePeers(
            @Qualifier(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT) SSLContext context) {
        return new NettyHandshakePeers(context);
    }
}
