package io.siotls.integration.dataclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.testing.PeerCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Boot's Redis auto-configuration, through Lettuce (its default client, which builds a Netty
 * context) and Jedis (which takes the bundle's SSLContext), with
 * {@code spring.data.redis.ssl.bundle: siotls-client}, against a real redis-server that speaks
 * only TLS 1.3 and requires a client certificate: the key is written and read back, and the
 * siotls client context records the handshakes, so they ran on our engine, with our certificate.
 */
class RedisOnSiotlsTest {

    @TempDir
    static Path dir;

    private static Pki pki;
    private static RedisTlsServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        PeerCommand.require("redis-server");
        pki = Pki.write(dir);
        redis = RedisTlsServer.start(pki, dir);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lettuce", "jedis"})
    void writesAndReadsAKeyOverMutualTlsOnSiotls(String client) {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(
                properties(client, pki.clientProperties()))) {
            assertThat(context.getBean(RedisConnectionFactory.class).getClass().getSimpleName())
                    .startsWithIgnoringCase(client);
            StringRedisTemplate redisTemplate = context.getBean(StringRedisTemplate.class);
            redisTemplate.opsForValue().set("siotls:" + client, "on siotls through " + client);

            assertThat(redisTemplate.opsForValue().get("siotls:" + client)).isEqualTo("on siotls through " + client);
            List<HandshakeEvent> handshakes = context.getBean(ClientHandshakes.class).completed();
            assertThat(handshakes).isNotEmpty().allSatisfy(handshake -> {
                assertThat(handshake.negotiated().peerCertificateChain().get(0))
                        .isEqualTo(pki.server().certificate());
                assertThat(handshake.peerPort()).isEqualTo(redis.port());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lettuce", "jedis"})
    void redisRefusesTheClientWithoutACertificate(String client) throws Exception {
        try (ConfigurableApplicationContext context = DataClientsApplication.start(
                properties(client, pki.trustOnlyProperties()))) {
            StringRedisTemplate redisTemplate = context.getBean(StringRedisTemplate.class);

            assertThatThrownBy(() -> redisTemplate.opsForValue().set("siotls:refused", client))
                    .isInstanceOf(RuntimeException.class);
            assertThat(redis.awaitOutput("peer did not return a certificate")).isNotEmpty();
            assertThat(context.getBean(ClientHandshakes.class).completed().size()
                    + context.getBean(ClientHandshakes.class).failed().size()).isPositive();
        }
    }

    private static String[] properties(String client, List<String> siotls) {
        List<String> properties = new ArrayList<>(siotls);
        properties.addAll(List.of("spring.data.redis.host=localhost", "spring.data.redis.port=" + redis.port(),
                "spring.data.redis.ssl.bundle=siotls-client", "spring.data.redis.client-type=" + client,
                "spring.data.redis.timeout=5s", "spring.data.redis.connect-timeout=5s"));
        return properties.toArray(String[]::new);
    }
}
