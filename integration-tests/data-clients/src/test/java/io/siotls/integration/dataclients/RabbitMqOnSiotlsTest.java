package io.siotls.integration.dataclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.stream.Environment;
import com.rabbitmq.stream.EnvironmentBuilder;
import com.rabbitmq.stream.OffsetSpecification;
import com.rabbitmq.stream.Producer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.EnvironmentBuilderCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitStreamConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's RabbitMQ auto-configuration (AMQP 0-9-1, the RabbitMQ Java client) with
 * {@code spring.rabbitmq.ssl.bundle: siotls-client} against a real RabbitMQ broker whose only
 * listener is TLS 1.3 with a required client certificate: a message is published and consumed
 * back over handshakes the siotls client context records, and a client without a certificate is
 * refused. RabbitMQ Streams, through the same broker's stream plugin: Boot configures the stream
 * Environment only when spring-rabbit-stream is on the class path (not served by this build's
 * Maven mirror), so the test builds it as Boot does, TLS on, with the application's
 * {@code EnvironmentBuilderCustomizer}s, given the connection details Boot would derive from
 * {@code spring.rabbitmq.stream.ssl.bundle: siotls-client}.
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

    @Test
    void streamsPublishAndConsumeOverMutualTlsOnSiotls() throws Exception {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(List.of(StreamConnection.class),
                properties(pki.clientProperties()))) {
            EnvironmentBuilder builder = Environment.builder().host("localhost").port(rabbit.streamPort())
                    .lazyInitialization(true);
            builder.tls();
            context.getBeanProvider(EnvironmentBuilderCustomizer.class).orderedStream()
                    .forEach(customizer -> customizer.customize(builder));
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            try (Environment environment = builder.build()) {
                environment.streamCreator().stream("siotls").create();
                Producer producer = environment.producerBuilder().stream("siotls").build();
                CountDownLatch confirmed = new CountDownLatch(1);
                producer.send(producer.messageBuilder().addData("on siotls".getBytes(StandardCharsets.UTF_8)).build(),
                        status -> confirmed.countDown());
                assertThat(confirmed.await(10, TimeUnit.SECONDS)).isTrue();
                environment.consumerBuilder().stream("siotls").offset(OffsetSpecification.first())
                        .messageHandler((offset, message) -> received.add(
                                new String(message.getBodyAsBinary(), StandardCharsets.UTF_8))).build();

                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("on siotls");
            }
            assertThat(context.getBean(ClientHandshakes.class).completed()).isNotEmpty().allSatisfy(handshake -> {
                assertThat(handshake.negotiated().peerCertificateChain().get(0)).isEqualTo(pki.server().certificate());
                assertThat(handshake.peerPort()).isEqualTo(rabbit.streamPort());
            });
        }
    }

    /**
     * The stream connection Boot's RabbitStreamConfiguration would define from
     * {@code spring.rabbitmq.stream.*}, had spring-rabbit-stream been on the class path: the
     * broker's stream port and the siotls-client bundle.
     */
    @Configuration(proxyBeanMethods = false)
    static class StreamConnection {

        @Bean
        RabbitStreamConnectionDetails streamConnection(SslBundles bundles) {
            return new RabbitStreamConnectionDetails() {
                @Override
                public String getHost() {
                    return "localhost";
                }

                @Override
                public int getPort() {
                    return rabbit.streamPort();
                }

                @Override
                public SslBundle getSslBundle() {
                    return bundles.getBundle("siotls-client");
                }
            };
        }
    }

    private static String[] properties(List<String> siotls) {
        List<String> properties = new ArrayList<>(siotls);
        properties.addAll(List.of("spring.rabbitmq.host=localhost", "spring.rabbitmq.port=" + rabbit.port(),
                "spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.ssl.bundle=siotls-client",
                "spring.rabbitmq.connection-timeout=5s"));
        return properties.toArray(String[]::new);
    }
}
