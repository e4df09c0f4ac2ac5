package io.siotls.spring.autoconfigure.reload;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import io.siotls.testing.TestPki;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When reload-on-update watches, and the configurations it refuses at startup. */
class ReloadConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsReloadAutoConfiguration.class));

    @TempDir
    Path directory;

    private TestPki.Leaf server;

    @BeforeEach
    void makePki() {
        TestPki pki = new TestPki(directory);
        pki.caFile();
        server = pki.leaf("server", "localhost");
    }

    private String[] serverChain() {
        return new String[] {"siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile())};
    }

    @Test
    void offByDefault() {
        runner.withPropertyValues(serverChain()).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(SiotlsReloader.class));
    }

    @Test
    void eachSideWatchesOnlyWhenAsked() {
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.reload-on-update=true",
                "siotls.client.reload-on-update=true", "siotls.client.truststore=" + location(directory.resolve("ca.pem")))
                .run(context -> assertThat(context).hasNotFailed().hasBean("siotlsServerReloader")
                        .hasBean("siotlsClientReloader"));
    }

    @Test
    void aResourceInsideAJarCannotBeWatched() throws Exception {
        Path jar = directory.resolve("pki.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("pki/ca.pem"));
            out.write(Files.readAllBytes(directory.resolve("ca.pem")));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            runner.withClassLoader(loader).withPropertyValues(serverChain()).withPropertyValues(
                    "siotls.client.reload-on-update=true", "siotls.client.truststore=classpath:pki/ca.pem").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SiotlsPropertyException.class)
                                .hasMessageContaining("siotls.client.truststore: class path resource [pki/ca.pem]"
                                        + " is not a file of the file system");
                    });
        }
    }

    @Test
    void theJsseImplementationCannotReload() {
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.reload-on-update=true",
                "siotls.implementation=jsse").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SiotlsPropertyException.class)
                            .hasMessageContaining("siotls.server.reload-on-update: needs siotls.implementation=siotls");
                });
    }
}
