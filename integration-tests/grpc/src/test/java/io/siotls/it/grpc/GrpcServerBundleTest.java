package io.siotls.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.NettyGrpcServerFactory;

/**
 * The gRPC server's bundle decides: {@code spring.grpc.server.ssl.secure=false} (trust any client
 * certificate) on a siotls bundle stops the application naming the property, and a bundle that is
 * not siotls's keeps Spring Boot's own server factory.
 */
class GrpcServerBundleTest {

    private static final String NO_DEVELOPMENT_CERTIFICATES =
            "spring.autoconfigure.exclude=io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificatesAutoConfiguration";

    @TempDir
    static Path pkiDir;

    @BeforeAll
    static void pki() {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        pki.leaf("server", "localhost");
        pki.leaf("client", "client.example");
    }

    @Test
    void insecureClientCertificatesOnASiotlsBundleStopTheApplicationNamingTheProperty() {
        assertThatThrownBy(() -> start("spring.profiles.active=mtls", "spring.grpc.server.ssl.secure=false"))
                .rootCause().isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
                        refused -> assertThat(refused.getName()).isEqualTo("spring.grpc.server.ssl.secure"));
    }

    @Test
    void aBundleThatIsNotSiotlsKeepsBootsFactory() {
        try (ConfigurableApplicationContext application = start("spring.grpc.server.port=0",
                "spring.grpc.server.ssl.bundle=plain",
                "spring.ssl.bundle.pem.plain.keystore.certificate=" + TestPki.location(pkiDir.resolve("server.pem")),
                "spring.ssl.bundle.pem.plain.keystore.private-key=" + TestPki.location(pkiDir.resolve("server-key.pem")))) {
            assertThat(application.getBean(NettyGrpcServerFactory.class)).hasSameClassAs(
                    new NettyGrpcServerFactory("*:0", java.util.List.of(), null, null, null));
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(GrpcMutualTlsApplicationTest.EchoApplication.class)
                .web(WebApplicationType.NONE).properties("pki.dir=" + pkiDir, NO_DEVELOPMENT_CERTIFICATES)
                .properties(properties).run();
    }
}
