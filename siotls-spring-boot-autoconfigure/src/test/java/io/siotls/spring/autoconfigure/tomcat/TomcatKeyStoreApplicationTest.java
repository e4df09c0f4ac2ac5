package io.siotls.spring.autoconfigure.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.KeyStorePki;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.Curl;
import io.siotls.testing.TestPki;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Embedded Tomcat whose every key and trust material comes from PKCS#12 or JKS key stores: the
 * server's key, its client CA (needing client certificates, as a PEM truststore does), an SNI
 * entry's key, and the application's own client key and trust. curl, the peer, gets through with
 * the client certificate and is refused without it; the auto-configured RestClient presents the
 * client key store's certificate; Actuator's health shows the chains read from the key stores.
 */
class TomcatKeyStoreApplicationTest {

    @TempDir
    static Path directory;

    private static KeyStorePki stores;

    @BeforeAll
    static void writeStores() {
        stores = new KeyStorePki(directory);
    }

    /**
     * @param type the type of the server's stores; the SNI entry and the client take the other
     *        type. The PKCS#12 run names the truststore in Spring Boot's spelling, trust-store.
     */
    @ParameterizedTest
    @ValueSource(strings = {"p12", "jks"})
    void mutualTlsFromKeyStores(String type) throws Exception {
        String other = type.equals("p12") ? "jks" : "p12";
        try (ConfigurableApplicationContext application = start(type, other)) {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(application,
                    SiotlsAutoConfiguration.SERVER_SSL_CONTEXT).events();
            int port = TestApplications.port(application);
            String url = "https://localhost:" + port + "/subject";

            Curl.Result withCertificate = curl(stores.leaf("client"), url);
            assertThat(withCertificate.exitCode()).as(withCertificate.verbose()).isZero();
            assertThat(withCertificate.body()).isEqualTo("hello CN=client.example");
            assertThat(withCertificate.verbose()).contains("TLSv1.3").contains("subject: CN=localhost");
            assertThat(handshakes).singleElement().satisfies(event -> assertThat(
                    event.negotiated().peerCertificateChain().get(0)).isEqualTo(stores.leaf("client").certificate()));
            handshakes.clear();

            Curl.Result withoutCertificate = curl(null, url);
            assertThat(withoutCertificate.refused("certificate required")).as(withoutCertificate.verbose()).isTrue();
            assertThat(handshakes).singleElement().satisfies(event ->
                    assertThat(event.failure()).hasMessageContaining("certificate_required"));

            Curl.Result sni = curl(stores.leaf("client"), "--resolve", "api.localhost:" + port + ":127.0.0.1",
                    "https://api.localhost:" + port + "/subject");
            assertThat(sni.exitCode()).as(sni.verbose()).isZero();
            assertThat(sni.verbose()).contains("subject: CN=api.localhost");

            RestClient rest = application.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + port).build();
            assertThat(rest.get().uri("/subject").retrieve().body(String.class)).isEqualTo("hello CN=client.example");
            String health = rest.get().uri("/actuator/health").retrieve().body(String.class);
            assertThat((List<String>) JsonPath.read(health, "$.components.siotls.details.server.chains[*][0].subject"))
                    .containsExactly("CN=localhost", "CN=api.localhost");
            assertThat((String) JsonPath.read(health, "$.components.siotls.details.client.chains[0][0].subject"))
                    .isEqualTo("CN=client.example");
        }
    }

    private static ConfigurableApplicationContext start(String type, String other) {
        String truststore = type.equals("p12") ? "trust-store" : "truststore";
        return new SpringApplicationBuilder(SubjectApplication.class).web(WebApplicationType.SERVLET)
                .properties("server.port=0", "logging.level.root=warn",
                        "management.endpoints.web.exposure.include=health",
                        "management.endpoint.health.show-details=always",
                        // the Redis and RabbitMQ clients the starter supports are on this class path, with no server
                        "management.health.redis.enabled=false", "management.health.rabbit.enabled=false",
                        "siotls.server.key-store=" + stores.location("server." + type),
                        "siotls.server.key-store-password=" + KeyStorePki.PASSWORD,
                        "siotls.server." + truststore + "=" + stores.location("trust." + type),
                        "siotls.server." + truststore + "-password=" + KeyStorePki.TRUST_PASSWORD,
                        "siotls.server.sni[api.localhost].key-store=" + stores.location("api." + other),
                        "siotls.server.sni[api.localhost].key-store-password=" + KeyStorePki.PASSWORD)
                .properties(stores.keyAndTrustStores("siotls.client", "client." + other)).run();
    }

    /** curl trusting the CA, presenting {@code client}'s PEM files unless null, then {@code arguments}. */
    private static Curl.Result curl(TestPki.Leaf client, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("--cacert", stores.file("ca.pem").toString()));
        if (client != null) {
            command.addAll(List.of("--cert", client.chainFile().toString(), "--key", client.keyFile().toString()));
        }
        command.addAll(List.of(arguments));
        return Curl.run(command.toArray(String[]::new));
    }

    /** Boot's auto-configuration and a controller answering with the client certificate's subject. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(SubjectController.class)
    static class SubjectApplication {
    }

    @RestController
    static class SubjectController {

        @GetMapping("/subject")
        String subject(HttpServletRequest request) {
            X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
            return "hello " + (chain == null ? "anonymous" : chain[0].getSubjectX500Principal().getName());
        }
    }
}
