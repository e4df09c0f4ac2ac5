package io.siotls.integration.dataclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's RabbitMQ auto-configuration (AMQP 0-9-1, the RabbitMQ Java client) with
 * {@code spring.rabbitmq.ssl.bundle: siotls-client} against a real RabbitMQ broker whose only
 * listener is TLS 1.3 with a required client certificate: a message is published and consumed
 * back over handshakes the siotls client context records, and a client without a certificate is
 * refused.
 */
class RabbitMqOnSiotlsTest {

    @TempDir
    static Path dir;

    private static Pki pki;
    private static RabbitMqTlsServer rabbit;

    @BeforeAll
    static void startRabbitMq() throws Exception {
        pki = Pki.write(dir);
        rabbit = RabbitMqTlsServer.start(pki, dir);
    }

    @AfterAll
    static void stopRabbitMq() {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void publishesAndConsumesOverMutualTlsOnSiotls() {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(properties(pki.clientProperties()))) {
            Queue queue = context.getBean(AmqpAdmin.class).declareQueue();
            RabbitTemplate template = context.getBean(RabbitTemplate.class);
            template.convertAndSend(queue.getName(), "on siotls");

            assertThat(template.receiveAndConvert(queue.getName(), 10_000)).isEqualTo("on siotls");
            assertThat(context.getBean(ClientHandshakes.class).completed()).isNotEmpty().allSatisfy(handshake -> {
                assertThat(handshake.negotiated().peerCertificateChain().get(0)).isEqualTo(pki.server().certificate());
                assertThat(handshake.peerPort()).isEqualTo(rabbit.port());
            });
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutACertificate() throws Exception {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(properties(pki.trustOnlyProperties()))) {
            RabbitTemplate template = context.getBean(RabbitTemplate.class);

            assertThatThrownBy(() -> template.convertAndSend("siotls.refused", "refused"))
                    .isInstanceOf(AmqpException.class);
            assertThat(context.getBean(ClientHandshakes.class).completed().size()
                    + context.getBean(ClientHandshakes.class).failed().size()).isPositive();
        }
        assertThat(rabbit.output()).containsIgnoringCase("certificate");
    }

    private static String[] properties(List<String> siotls) {
        List<String> properties = new ArrayList<>(siotls);
        properties.addAll(List.of("spring.rabbitmq.host=localhost", "spring.rabbitmq.port=" + rabbit.port(),
                "spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.ssl.bundle=siotls-client",
                "spring.rabbitmq.connection-timeout=5s"));
        return properties.toArray(String[]::new);
    }
}
