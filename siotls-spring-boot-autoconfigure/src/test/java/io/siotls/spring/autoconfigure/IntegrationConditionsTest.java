package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.spring.autoconfigure.client.SiotlsWebClientAutoConfiguration;
import io.siotls.spring.autoconfigure.netty.NettyHandshakePeers;
import io.siotls.spring.autoconfigure.netty.SiotlsNettyAutoConfiguration;
import io.siotls.spring.autoconfigure.netty.SiotlsNettyServerCustomizer;
import io.siotls.spring.autoconfigure.restclient.SiotlsRestClientAutoConfiguration;
import io.siotls.spring.autoconfigure.tomcat.SiotlsTomcatAutoConfiguration;
import io.siotls.spring.autoconfigure.tomcat.SiotlsTomcatConnectorCustomizer;
import io.siotls.spring.autoconfigure.tomcat.TomcatHandshakePeers;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.HttpServer;

/** When each integration's auto-configuration contributes its beans, and when it backs off. */
class IntegrationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsTomcatAutoConfiguration.class,
            SiotlsNettyAutoConfiguration.class, SiotlsWebClientAutoConfiguration.class,
            SiotlsRestClientAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class));

    @TempDir
    Path directory;

    private String[] serverChain;

    @BeforeEach
    void makePki() {
        TestPki.Leaf server = new TestPki(directory).leaf("server", "localhost");
        serverChain = new String[] {"siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile())};
    }

    @Test
    void withoutSiotlsServerNoServerIsTouchedButClientsAreOnSiotls() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SiotlsTomcatConnectorCustomizer.class)
                    .doesNotHaveBean(SiotlsNettyServerCustomizer.class).doesNotHaveBean(HandshakePeerLookup.class);
            assertThat(context.getBeansOfType(ClientHttpRequestFactoryBuilderCustomizer.class)).isNotEmpty();
            assertThat(context.getBean(SslBundles.class).getBundleNames())
                    .containsExactly(SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE);
        });
    }

    @Test
    void withSiotlsServerBothServersAreCustomizedAndBothBundlesRegistered() {
        runner.withPropertyValues(serverChain).withPropertyValues("siotls.server.handshake-timeout=3s").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SiotlsTomcatConnectorCustomizer.class)
                    .hasSingleBean(SiotlsNettyServerCustomizer.class).hasSingleBean(TomcatHandshakePeers.class)
                    .hasSingleBean(NettyHandshakePeers.class);
            assertThat(context.getBean(SslBundles.class).getBundleNames()).containsExactlyInAnyOrder(
                    SiotlsSslBundleAutoConfiguration.SERVER_BUNDLE, SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE);
            assertThat(context.getBean(SiotlsProperties.class).getServer().getHandshakeTimeout())
                    .isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void eachServerIntegrationNeedsItsServer() {
        runner.withPropertyValues(serverChain).withClassLoader(new FilteredClassLoader(Tomcat.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SiotlsTomcatConnectorCustomizer.class)
                        .hasSingleBean(SiotlsNettyServerCustomizer.class).doesNotHaveBean(TomcatHandshakePeers.class)
                        .hasSingleBean(NettyHandshakePeers.class));
        runner.withPropertyValues(serverChain).withClassLoader(new FilteredClassLoader(HttpServer.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(SiotlsTomcatConnectorCustomizer.class)
                        .doesNotHaveBean(SiotlsNettyServerCustomizer.class).hasSingleBean(TomcatHandshakePeers.class)
                        .doesNotHaveBean(NettyHandshakePeers.class));
    }

    @Test
    void webClientsCustomizersNeedSpringsReactiveClientAndReactor() {
        runner.run(context -> assertThat(context.getBeansOfType(ClientHttpConnectorBuilderCustomizer.class)).isNotEmpty());
        runner.withClassLoader(new FilteredClassLoader("reactor.core")).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ClientHttpConnectorBuilderCustomizer.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.http.client.reactive")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ClientHttpConnectorBuilderCustomizer.class));
    }

    @Test
    void aUsersOwnCustomizerWins() {
        runner.withPropertyValues(serverChain).withUserConfiguration(OwnCustomizers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SiotlsTomcatConnectorCustomizer.class)).containsOnlyKeys("ownTomcat");
            assertThat(context.getBeansOfType(SiotlsNettyServerCustomizer.class)).containsOnlyKeys("ownNetty");
        });
    }

    @Test
    void listedInAutoConfigurationImports() throws Exception {
        List<String> imports = new String(getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").readAllBytes())
                .lines().filter(line -> !line.isBlank()).toList();
        assertThat(imports).contains(SiotlsAutoConfiguration.class.getName(), SiotlsTomcatAutoConfiguration.class.getName(),
                SiotlsNettyAutoConfiguration.class.getName(), SiotlsWebClientAutoConfiguration.class.getName(),
                SiotlsRestClientAutoConfiguration.class.getName(),
                SiotlsSslBundleAutoConfiguration.class.getName(),
                "io.siotls.spring.autoconfigure.reload.SiotlsReloadAutoConfiguration",
                "io.siotls.spring.autoconfigure.actuator.SiotlsActuatorAutoConfiguration",
                "io.siotls.spring.autoconfigure.jvm.SiotlsJvmAutoConfiguration",
                "io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificatesAutoConfiguration").doesNotHaveDuplicates();
    }

    /** A user's own customizers of both servers. */
    @Configuration(proxyBeanMethods = false)
    static class OwnCustomizers {

        @Bean
        SiotlsTomcatConnectorCustomizer ownTomcat() {
            return new SiotlsTomcatConnectorCustomizer(null, () -> null, java.time.Duration.ofSeconds(10));
        }

        @Bean
        SiotlsNettyServerCustomizer ownNetty() throws Exception {
            return new SiotlsNettyServerCustomizer(javax.net.ssl.SSLContext.getDefault(), false, Duration.ofSeconds(1));
        }
    }
}
