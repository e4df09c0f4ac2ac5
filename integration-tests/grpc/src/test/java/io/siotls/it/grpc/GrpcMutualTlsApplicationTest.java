package io.siotls.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.siotls.Side;
import io.siotls.it.support.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.TestPki;
import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * A Spring gRPC server and a Spring gRPC client channel in one application, mutual TLS configured
 * only in {@code application-mtls.yml} ({@code spring.grpc.server.ssl.bundle: siotls-server},
 * {@code spring.grpc.client.channel.default.ssl.bundle: siotls-client}): the call succeeds, and
 * both handshakes ran on our engine (listeners on the server and client contexts record them,
 * ALPN h2). A gRPC client on the JDK's TLS (grpc-netty's own context) with the client
 * certificate gets through, and one without a certificate is refused by the server; a channel
 * asking to bypass certificate validation on a siotls bundle is refused.
 */
class GrpcMutualTlsApplicationTest {

    static final MethodDescriptor<String, String> ECHO = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("siotls.Echo/Say")
            .setRequestMarshaller(Utf8.INSTANCE).setResponseMarshaller(Utf8.INSTANCE).build();

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf client;
    private static ConfigurableApplicationContext application;
    private static HandshakeRecorder serverHandshakes;
    private static HandshakeRecorder clientHandshakes;
    private static int port;

    @BeforeAll
    static void start() {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        pki.leaf("server", "localhost");
        client = pki.leaf("client", "client.example");
        application = new SpringApplicationBuilder(EchoApplication.class).web(WebApplicationType.NONE)
                .profiles("mtls").properties("pki.dir=" + pkiDir)
                .run();
        serverHandshakes = HandshakeRecorder.attach(application.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class));
        clientHandshakes = HandshakeRecorder.attach(application.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class));
        port = application.getBean(GrpcServerLifecycle.class).getPort();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @BeforeEach
    void forgetHandshakes() {
        serverHandshakes.clear();
        clientHandshakes.clear();
    }

    @Test
    void theSpringGrpcClientCallsTheSpringGrpcServerBothOnSiotls() {
        ManagedChannel channel = application.getBean(GrpcChannelFactory.class).createChannel("localhost:" + port);
        String answer = ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), "hello");
        assertThat(answer).isEqualTo("echo hello");
        assertThat(clientHandshakes.all()).singleElement().satisfies(event -> {
            assertThat(event.side()).isEqualTo(Side.CLIENT);
            assertThat(event.succeeded()).isTrue();
            assertThat(event.negotiated().alpn()).isEqualTo("h2");
            assertThat(event.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(serverHandshakes.all()).singleElement().satisfies(event -> {
                    assertThat(event.side()).isEqualTo(Side.SERVER);
                    assertThat(event.succeeded()).isTrue();
                    assertThat(event.negotiated().alpn()).isEqualTo("h2");
                    assertThat(event.negotiated().peerCertificateChain().get(0)).isEqualTo(client.certificate());
                }));
    }

    @Test
    void aJdkTlsGrpcClientWithTheClientCertificateGetsThrough() throws Exception {
        SslContext jdk = GrpcSslContexts.forClient().trustManager(pkiDir.resolve("ca.pem").toFile())
                .keyManager(client.chainFile().toFile(), client.keyFile().toFile()).build();
        assertThat(call(jdk)).isEqualTo("echo from the JDK");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverHandshakes.all()).singleElement()
                .satisfies(event -> assertThat(event.negotiated().peerCertificateChain().get(0))
                        .isEqualTo(client.certificate())));
        assertThat(clientHandshakes.all()).as("the JDK ran that client's side").isEmpty();
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        SslContext anonymous = GrpcSslContexts.forClient().trustManager(pkiDir.resolve("ca.pem").toFile()).build();
        assertThatThrownBy(() -> call(anonymous)).isInstanceOfSatisfying(StatusRuntimeException.class,
                refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        // the channel may have tried again before it was shut down: every attempt is refused
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverHandshakes.all()).isNotEmpty()
                .allSatisfy(event -> assertThat(event.failure()).hasMessageContaining("certificate_required")));
    }

    @Test
    void bootsServerPropertiesStillApply() {
        ManagedChannel channel = application.getBean(GrpcChannelFactory.class).createChannel("localhost:" + port);
        String tooLarge = "x".repeat(2048);
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, ECHO,
                CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), tooLarge))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> assertThat(
                        refused.getStatus().getCode()).as("spring.grpc.server.inbound.message.max-size: 1KB")
                        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    }

    @Test
    void aChannelBypassingCertificateValidationOnASiotlsBundleIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> application.getBean(GrpcChannelFactory.class).createChannel("bypassing"))
                .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, refused ->
                        assertThat(refused.getName())
                                .isEqualTo("spring.grpc.client.channel.bypassing.bypass-certificate-validation"));
    }

    private static String call(SslContext sslContext) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).sslContext(sslContext).build();
        try {
            return ClientCalls.blockingUnaryCall(channel, ECHO,
                    CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), "from the JDK");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The application under test: Boot's auto-configuration and one gRPC service. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class EchoApplication {

        @Bean
        BindableService echoService() {
            return () -> ServerServiceDefinition.builder("siotls.Echo")
                    .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
                        response.onNext("echo " + request);
                        response.onCompleted();
                    }))
                    .build();
        }
    }

    /** Strings as UTF-8, so that the test needs no generated protobuf code. */
    enum Utf8 implements MethodDescriptor.Marshaller<String> {
        INSTANCE;

        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
