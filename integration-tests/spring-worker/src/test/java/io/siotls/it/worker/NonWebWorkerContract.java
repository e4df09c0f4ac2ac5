package io.siotls.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.it.support.HandshakeRecorder;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.PemFiles;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What the worker must do on either class path, with Actuator or without: start with the siotls
 * starter although no web server is on its class path (with development certificates on, the
 * case that once failed on the web server's event class), and call a real TLS 1.3 server
 * requiring a client certificate through the {@code siotls-client} bundle, the siotls engine
 * running the handshake.
 */
abstract class NonWebWorkerContract {

    /** Classes of a web server, servlet or reactive stack, none of which the worker has. */
    static final List<String> WEB_CLASSES = List.of("org.springframework.boot.web.server.context.WebServerInitializedEvent",
            "org.springframework.boot.web.server.WebServer", "jakarta.servlet.Servlet", "org.apache.catalina.startup.Tomcat",
            "reactor.netty.http.server.HttpServer", "org.springframework.web.reactive.function.client.WebClient",
            "org.springframework.web.client.RestClient");

    /** Boot's DataSource auto-configuration, which these tests (without a database) leave out. */
    static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    @TempDir
    Path directory;

    /** Checks on the running worker what this class path adds (Actuator's beans, or their absence). */
    abstract void assertClassPathSpecifics(ConfigurableApplicationContext worker, HandshakeRecorder handshakes);

    @Test
    void startsWithoutAWebServerAndCallsAMutualTlsServerOnSiotls() throws Exception {
        assertThat(WEB_CLASSES).noneMatch(name -> ClassUtils.isPresent(name, null));
        PeerCommand.require("openssl");
        Path certificates = directory.resolve("dev-certificates");
        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(WorkerApplication.class)
                .properties("logging.level.root=warn", "spring.autoconfigure.exclude=" + DATA_SOURCE,
                        "siotls.dev-certificates.enabled=true", "siotls.dev-certificates.directory=" + certificates)
                .run()) {
            assertThat(new SpringApplicationBuilder().application().getWebApplicationType())
                    .isEqualTo(WebApplicationType.NONE);
            DevelopmentCertificates development = DevelopmentCertificates.inDirectory(certificates);
            PemFiles server = new PemFiles(development.file(DevelopmentCertificates.SERVER_KEY),
                    development.file(DevelopmentCertificates.SERVER_CHAIN), development.file(DevelopmentCertificates.CA));
            SSLContext context = worker.getBean(SslBundles.class).getBundle("siotls-client").createSslContext();
            HandshakeRecorder handshakes = HandshakeRecorder.attach(context);
            try (OpenSslServer openssl = OpenSslServer.start(server, "-Verify", "1", "-CAfile", server.ca().toString(),
                    "-www")) {
                String page = get(context, openssl.port());
                assertThat(page).contains("Protocol  : TLSv1.3");
                assertThat(handshakes.failed()).isEmpty();
                assertThat(handshakes.completed()).singleElement().satisfies(event -> assertThat(
                        event.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                        .isEqualTo("CN=localhost"));
            }
            assertClassPathSpecifics(worker, handshakes);
        }
    }

    /** What {@code openssl s_server -www} on {@code port} answers a GET with, over a client socket of {@code context}. */
    private static String get(SSLContext context, int port) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        plain.setSoTimeout(10_000);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true)) {
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
