package io.siotls.spring.autoconfigure;

import io.siotls.testing.TestPki;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the auto-configuration's tests start what they test: a context runner with a server
 * certificate, a {@link HelloApplication} on a chosen embedded server, and the port it listens on.
 */
public final class TestApplications {

    /** Reactive Tomcat's auto-configuration, left out where a reactive application is to run on Reactor Netty. */
    public static final String TOMCAT_REACTIVE =
            "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration";

    /** Reactor Netty's auto-configuration, left out where a reactive application is to run on Tomcat. */
    public static final String NETTY_REACTIVE =
            "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration";

    private TestApplications() {
    }

    /** A runner of the siotls auto-configuration behind Boot's SSL bundles (spring.ssl.bundle.*). */
    public static ApplicationContextRunner bundlesAndSiotlsRunner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class));
    }

    /** The properties that make {@code server}'s chain and private key the siotls server's. */
    public static String[] serverKeyProperties(TestPki.Leaf server) {
        return new String[] {"siotls.server.certificate-chain=" + TestPki.location(server.chainFile()),
                "siotls.server.private-key=" + TestPki.location(server.keyFile())};
    }

    /** A runner of the siotls auto-configuration whose server presents a new certificate for localhost, made in {@code directory}. */
    public static ApplicationContextRunner localhostServerRunner(Path directory) {
        TestPki.Leaf localhost = new TestPki(directory).leaf("localhost", "localhost");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class))
                .withPropertyValues(serverKeyProperties(localhost));
    }

    /**
     * Runs {@link HelloApplication} as a {@code type} application on a random port, quietly, its
     * siotls server presenting {@code server}, without the auto-configuration {@code excluded}
     * (the other reactive server), and with {@code properties} on top.
     */
    public static ConfigurableApplicationContext runHelloApplication(WebApplicationType type, String excluded,
            TestPki.Leaf server, String... properties) {
        return new SpringApplicationBuilder(HelloApplication.class).web(type)
                .properties("server.port=0", "logging.level.root=warn")
                .properties(serverKeyProperties(server))
                .properties("spring.autoconfigure.exclude=" + excluded)
                .properties(properties).run();
    }

    /** The port the embedded web server of {@code application} listens on. */
    public static int port(ApplicationContext application) {
        return ((WebServerApplicationContext) application).getWebServer().getPort();
    }
}
