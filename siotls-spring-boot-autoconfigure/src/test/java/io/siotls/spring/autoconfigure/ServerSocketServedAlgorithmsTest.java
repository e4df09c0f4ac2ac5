package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.jsse.SiotlsSSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The plain JSSE {@link SSLServerSocket} of the siotls server context bean serves exactly the
 * siotls configuration to openssl, like the embedded servers do.
 */
class ServerSocketServedAlgorithmsTest {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return TestApplications.localhostServerRunner(directory);
    }

    @Test
    void servesTheDefaultSuitesAndGroupsAndRefusesEveryOther() {
        runner().run(context -> {
            SSLContext server = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
            assertThat(server).isInstanceOf(SiotlsSSLContext.class);
            try (SSLServerSocket listening = listen(server)) {
                OpenSslOffers.assertServesExactly(listening.getLocalPort(), TLSConfiguration.DEFAULT_CIPHER_SUITES,
                        TLSConfiguration.DEFAULT_KEY_EXCHANGES);
            }
        });
    }

    @Test
    void servesExplicitlyConfiguredCcmSuitesAndGroupsOnly() {
        runner().withPropertyValues("siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.server.key-exchanges=secp384r1,x448").run(context -> {
                    SSLContext server = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
                    try (SSLServerSocket listening = listen(server)) {
                        OpenSslOffers.assertServesExactly(listening.getLocalPort(),
                                List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                                List.of(NamedGroup.SECP384R1, NamedGroup.X448));
                    }
                });
    }

    /** A server socket of {@code context} on a loopback port, each connection handshaken and closed on a thread. */
    private static SSLServerSocket listen(SSLContext context) throws IOException {
        SSLServerSocket listening = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try (SSLSocket connection = (SSLSocket) listening.accept()) {
                    connection.setSoTimeout(10_000);
                    connection.startHandshake();
                    connection.getInputStream().read();
                } catch (SocketException closed) {
                    if (listening.isClosed()) {
                        return;
                    }
                } catch (IOException refused) {
                    continue;
                }
            }
        }, "server socket of " + ServerSocketServedAlgorithmsTest.class.getSimpleName());
        acceptor.setDaemon(true);
        acceptor.start();
        return listening;
    }
}
