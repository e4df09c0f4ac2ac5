package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our SSLEngine against the JDK's own (SunJSSE) in memory, each side in turn, with JDK key and trust managers. */
class SunJsseEngineInteropTest {

    static Stream<Arguments> sides() {
        return Stream.of(KeyType.EC_P256, KeyType.RSA_2048, KeyType.ED25519)
                .flatMap(type -> Stream.of(Arguments.of(true, type), Arguments.of(false, type)));
    }

    @ParameterizedTest(name = "our client={0} {1}")
    @MethodSource("sides")
    void handshakeDataAndMutualAuthentication(boolean oursIsClient, KeyType keyType) throws Exception {
        Identity server = TestPki.server(keyType);
        Identity client = TestPki.client(KeyType.EC_P256);
        SSLContext serverContext = oursIsClient
                ? JsseMaterial.sunJsse(JsseMaterial.keyManagers(server), JsseMaterial.trustManagers(client))
                : SiotlsJsse.context(JsseMaterial.keyManagers(server), JsseMaterial.trustManagers(client));
        SSLContext clientContext = oursIsClient
                ? SiotlsJsse.context(JsseMaterial.keyManagers(client), JsseMaterial.trustManagers(server))
                : JsseMaterial.sunJsse(JsseMaterial.keyManagers(client), JsseMaterial.trustManagers(server));

        SSLEngine clientEngine = clientContext.createSSLEngine("localhost", 443);
        clientEngine.setUseClientMode(true);
        SSLParameters clientParameters = clientEngine.getSSLParameters();
        clientParameters.setEndpointIdentificationAlgorithm("HTTPS");
        clientParameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        clientParameters.setProtocols(new String[] {"TLSv1.3"});
        clientEngine.setSSLParameters(clientParameters);
        SSLEngine serverEngine = serverContext.createSSLEngine();
        serverEngine.setUseClientMode(false);
        serverEngine.setNeedClientAuth(true);
        SSLParameters serverParameters = serverEngine.getSSLParameters();
        serverParameters.setApplicationProtocols(new String[] {"http/1.1", "h2"});
        serverParameters.setProtocols(new String[] {"TLSv1.3"});
        serverEngine.setSSLParameters(serverParameters);

        SSLEngine ours = oursIsClient ? clientEngine : serverEngine;
        assertThat(ours).isInstanceOf(SiotlsSSLEngine.class);
        assertThat(ours.getHandshakeStatus()).isEqualTo(javax.net.ssl.SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING);
        assertThat(ours.getSession().getApplicationBufferSize()).isGreaterThanOrEqualTo(16384);

        EnginePairs pair = new EnginePairs(clientEngine, serverEngine);
        pair.handshake();

        for (SSLEngine engine : List.of(clientEngine, serverEngine)) {
            assertThat(engine.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(engine.getSession().getCipherSuite()).startsWith("TLS_");
            assertThat(engine.getApplicationProtocol()).isEqualTo("http/1.1");
        }
        assertThat(clientEngine.getSession().getPeerCertificates()).containsExactlyElementsOf(server.chain());
        assertThat(serverEngine.getSession().getPeerCertificates()).containsExactlyElementsOf(client.chain());
        assertThat(ours.getSession().getCipherSuite()).isEqualTo(
                (oursIsClient ? serverEngine : clientEngine).getSession().getCipherSuite());

        byte[] data = new byte[50_000];
        new Random(5).nextBytes(data);
        assertThat(pair.send(data, true)).isEqualTo(data);
        assertThat(pair.send(data, false)).isEqualTo(data);
    }
}
