package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.SuiteGroupSchemeCombinations;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our client against our server in memory, over every suite × group × signature scheme. */
class InMemoryHandshakeTest {

    static Stream<Arguments> combinations() {
        return SuiteGroupSchemeCombinations.all();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void handshakeAndExchangeData(CipherSuite suite, NamedGroup group, SignatureScheme scheme, KeyType keyType) {
        Identity identity = TestPki.server(keyType);
        TLSConfiguration serverConfig = Configs.server(identity)
                .privateKeySignatureAlgorithms(scheme)
                .alpn("h2", "http/1.1")
                .build();
        TLSConfiguration clientConfig = Configs.clientTrusting(identity)
                .cipherSuites(suite)
                .keyExchanges(group)
                .alpn("http/1.1", "h2")
                .build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        TLSConnection server = new TLSConnection(serverConfig);

        MemoryPipe.handshake(client, server);

        assertThat(client.isConnected()).isTrue();
        assertThat(server.isConnected()).isTrue();
        for (TLSNegotiatedConfiguration nconfig : List.of(client.nconfig(), server.nconfig())) {
            assertThat(nconfig.cipherSuite()).isEqualTo(suite);
            assertThat(nconfig.keyExchange()).isEqualTo(group);
            assertThat(nconfig.alpn()).as("the server's preference decides").isEqualTo("h2");
            assertThat(nconfig.serverName()).isEqualTo("localhost");
        }
        assertThat(client.nconfig().peerSignatureAlgorithm()).isEqualTo(scheme);
        assertThat(server.nconfig().signatureAlgorithm()).isEqualTo(scheme);
        assertThat(client.nconfig().peerCertificateChain()).isEqualTo(identity.chain());
        assertThat(server.nconfig().peerCertificateChain()).isEmpty();

        client.sendData("ping".getBytes(StandardCharsets.US_ASCII));
        MemoryPipe.transfer(client, server);
        assertThat(new String(server.dataToRead(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        byte[] big = new byte[100_000];
        new java.util.Random(7).nextBytes(big);
        server.sendData(big);
        MemoryPipe.transfer(server, client);
        assertThat(client.dataToRead()).isEqualTo(big);

        client.closeSendingEnd();
        MemoryPipe.transfer(client, server);
        assertThat(server.isReceivingOpen()).isFalse();
        assertThat(server.isTruncated()).isFalse();
        assertThat(server.isSendingOpen()).isTrue();
        server.closeSendingEnd();
        MemoryPipe.transfer(server, client);
        assertThat(client.isConnected()).isFalse();
        assertThat(client.isReceivingOpen()).isFalse();
    }
}
