package io.siotls.samples.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The client sample calls two HTTPS servers with RestClient and WebClient, presenting its client
 * certificate; the servers are the JDK's own (SunJSSE), requiring a client certificate from the
 * development CA.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientSampleApplicationTest {

    @TempDir
    Path directory;

    @Test
    void callsBothServersWithBothClients(CapturedOutput output) throws Exception {
        DevelopmentCertificates certificates = DevelopmentCertificates.inDirectory(directory);
        HttpsServer first = server(certificates, "first");
        HttpsServer second = server(certificates, "second");
        try {
            SpringApplication.run(ClientSampleApplication.class,
                    "--siotls.client.certificate-chain=" + certificates.file(DevelopmentCertificates.CLIENT_CHAIN).toUri(),
                    "--siotls.client.private-key=" + certificates.file(DevelopmentCertificates.CLIENT_KEY).toUri(),
                    "--siotls.client.truststore=" + certificates.file(DevelopmentCertificates.CA).toUri(),
                    "--sample.mvc-url=https://localhost:" + first.getAddress().getPort() + "/",
                    "--sample.webflux-url=https://localhost:" + second.getAddress().getPort() + "/").close();
            String expectedFirst = " -> first: CN=siotls development client TLSv1.3";
            assertThat(output.getOut()).contains("RestClient https://localhost:" + first.getAddress().getPort() + "/" + expectedFirst)
                    .contains("WebClient  https://localhost:" + first.getAddress().getPort() + "/" + expectedFirst)
                    .contains("RestClient https://localhost:" + second.getAddress().getPort() + "/ -> second: CN=siotls development client")
                    .contains("WebClient  https://localhost:" + second.getAddress().getPort() + "/ -> second: CN=siotls development client");
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    /** The JDK's HTTPS server on the development server certificate, requiring a client certificate. */
    private static HttpsServer server(DevelopmentCertificates certificates, String name) throws Exception {
        Certificate[] chain = certificates(certificates.file(DevelopmentCertificates.SERVER_CHAIN));
        String keyPem = Files.readString(certificates.file(DevelopmentCertificates.SERVER_KEY));
        byte[] der = Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)),
                new char[0], chain);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificates(certificates.file(DevelopmentCertificates.CA))[0]);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            HttpsExchange https = (HttpsExchange) exchange;
            String subject = ((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName();
            byte[] body = (name + ": " + subject + " " + https.getSSLSession().getProtocol() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Certificate[] certificates(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
        }
    }
}
