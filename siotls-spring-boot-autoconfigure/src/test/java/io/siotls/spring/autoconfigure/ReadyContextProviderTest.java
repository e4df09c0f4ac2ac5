package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.siotls.jsse.SiotlsSSLEngine;
import io.siotls.spring.autoconfigure.netty.ReadyContextProvider;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The provider a library's Netty {@code SslContextBuilder} is given (Lettuce) hands out the
 * ready siotls context whatever managers {@code init} passes: a "trust everything" manager, as
 * Lettuce passes with peer verification off, cannot make the context accept a server its trust
 * store does not trust.
 */
class ReadyContextProviderTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void theReadyContextKeepsItsTrustWhateverInitIsGiven() {
        TestPki pki = new TestPki(directory);
        runner.withPropertyValues("siotls.client.truststore=" + location(pki.caFile())).run(context -> {
            SSLContext siotls = context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
            SSLContext ready = SSLContext.getInstance("TLS", ReadyContextProvider.of(siotls));
            ready.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
            Identity stranger = TestPki.server(KeyType.EC_P256);
            SSLContext strangerServer = JsseMaterial.sunJsse(JsseMaterial.keyManagers(stranger), null);

            assertThat(ready.createSSLEngine("localhost", 443)).isInstanceOf(SiotlsSSLEngine.class);
            assertThat(ready.getClientSessionContext()).isSameAs(siotls.getClientSessionContext());
            assertThatThrownBy(() -> Handshakes.connect(strangerServer, ready, "localhost"))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageStartingWith("unknown_ca: no trust anchor issued certificate");
        });
    }
}
