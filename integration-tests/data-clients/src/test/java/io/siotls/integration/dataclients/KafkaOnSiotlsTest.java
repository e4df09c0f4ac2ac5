package io.siotls.integration.dataclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Boot's Kafka auto-configuration with {@code spring.kafka.ssl.bundle: siotls-client} against
 * spring-kafka-test's embedded broker (KRaft) whose listener is SSL, TLS 1.3 only, requiring a
 * client certificate ({@code ssl.client.auth=required}); the broker is on the JDK's TLS, the
 * clients on siotls. The topic is created by the first record (the embedded broker's own admin
 * client speaks plaintext, so it is given none to create). A record is produced and consumed back, over handshakes the siotls client
 * context records; a client without a certificate is refused.
 */
class KafkaOnSiotlsTest {

    private static final String TOPIC = "siotls";

    @TempDir
    static Path dir;

    private static Pki pki;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = Pki.write(dir);
        Path keyStore = Pkcs12Stores.keyStore(dir.resolve("broker.p12"), "broker", pki.server(), pki.testPki().root());
        Path trustStore = Pkcs12Stores.trustStore(dir.resolve("trust.p12"), pki.testPki().root());
        broker = new EmbeddedKafkaKraftBroker(1, 1).brokerProperties(Map.ofEntries(
                Map.entry("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT"),
                Map.entry("ssl.keystore.location", keyStore.toString()),
                Map.entry("ssl.keystore.type", "PKCS12"),
                Map.entry("ssl.keystore.password", Pkcs12Stores.PASSWORD),
                Map.entry("ssl.key.password", Pkcs12Stores.PASSWORD),
                Map.entry("ssl.truststore.location", trustStore.toString()),
                Map.entry("ssl.truststore.type", "PKCS12"),
                Map.entry("ssl.truststore.password", Pkcs12Stores.PASSWORD),
                Map.entry("ssl.client.auth", "required"),
                Map.entry("ssl.protocol", "TLSv1.3"),
                Map.entry("ssl.enabled.protocols", "TLSv1.3")));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void producesAndConsumesOverMutualTlsOnSiotls() throws Exception {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(properties(pki.clientProperties()))) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
            template.send(TOPIC, "key", "on siotls").get(30, TimeUnit.SECONDS);

            List<String> received = new ArrayList<>();
            try (Consumer<?, ?> consumer = context.getBean(ConsumerFactory.class).createConsumer("siotls-test", "siotls")) {
                consumer.subscribe(List.of(TOPIC));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(500));
                    records.forEach(record -> received.add((String) record.value()));
                }
            }

            assertThat(received).containsExactly("on siotls");
            assertThat(context.getBean(ClientHandshakes.class).completed()).isNotEmpty().allSatisfy(handshake ->
                    assertThat(handshake.negotiated().peerCertificateChain().get(0)).isEqualTo(pki.server().certificate()));
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutACertificate() {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(properties(pki.trustOnlyProperties()))) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);

            assertThatThrownBy(() -> template.send(TOPIC, "key", "refused").get(30, TimeUnit.SECONDS))
                    .hasStackTraceContaining("SSL");
            assertThat(context.getBean(ClientHandshakes.class).completed().size()
                    + context.getBean(ClientHandshakes.class).failed().size()).isPositive();
        }
    }

    private static String[] properties(List<String> siotls) {
        List<String> properties = new ArrayList<>(siotls);
        properties.addAll(List.of("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "spring.kafka.security.protocol=SSL", "spring.kafka.ssl.bundle=siotls-client",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "spring.kafka.producer.properties[max.block.ms]=5000",
                "spring.kafka.producer.properties[delivery.timeout.ms]=5000",
                "spring.kafka.producer.properties[request.timeout.ms]=3000"));
        return properties.toArray(String[]::new);
    }
}
