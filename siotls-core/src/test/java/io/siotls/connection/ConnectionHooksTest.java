package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.ConnectionOptions;
import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.SigningChainSelector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.NoApplicationProtocol;
import io.siotls.alerts.UnknownCA;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-connection options and the signing chain hook, which integrations such as JSSE build on. */
class ConnectionHooksTest {

    private static final Identity EC = TestPki.server(KeyType.EC_P256);
    private static final Identity RSA = TestPki.server(KeyType.RSA_2048);

    @Test
    void sniNameAndVerifiedNameCanDiffer() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(EC).build(), ConnectionOptions.builder()
                .serverName("virtual.example").verificationHostname("127.0.0.1").build());
        TLSConnection server = new TLSConnection(Configs.server(EC).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().serverName()).isEqualTo("virtual.example");
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void noVerificationHostnameMeansNoHostnameCheckButStillAChainCheck() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(EC).build(),
                ConnectionOptions.builder().serverName("not-in-the-certificate.example").build());
        MemoryPipe.handshake(client, new TLSConnection(Configs.server(EC).build()));
        assertThat(client.isConnected()).isTrue();

        TLSConnection strict = new TLSConnection(Configs.clientTrusting(EC).build(), ConnectionOptions.builder()
                .truststore(TrustStores.fromCertificates(List.of(RSA.root()))).build());
        assertThatThrownBy(() -> MemoryPipe.handshake(strict, new TLSConnection(Configs.server(EC).build())))
                .as("the per-connection trust store replaces the configuration's").isInstanceOf(UnknownCA.class);
    }

    @Test
    void signingChainHookSeesWhatThePeerAcceptsAndPicksTheChain() {
        List<SigningChainSelector.Request> seen = new ArrayList<>();
        TLSConfiguration serverConfig = TLSConfiguration.server().signingChainSelector(request -> {
            seen.add(request);
            return request.acceptedSchemes().contains(SignatureScheme.ECDSA_SECP256R1_SHA256)
                    ? new SigningChain(EC.chain(), EC.privateKey())
                    : new SigningChain(RSA.chain(), RSA.privateKey());
        }).build();
        TLSConnection client = new TLSConnection(Configs.clientTrusting(RSA)
                .signatureAlgorithms(SignatureScheme.RSA_PSS_RSAE_SHA256).build(), "localhost");
        MemoryPipe.handshake(client, new TLSConnection(serverConfig));
        assertThat(client.nconfig().peerCertificateChain()).isEqualTo(RSA.chain());
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.side()).isEqualTo(Side.SERVER);
            assertThat(request.serverName()).isEqualTo("localhost");
            assertThat(request.acceptedSchemes()).containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256);
        });
    }

    @Test
    void signingChainHookWithNothingToOfferFailsTheServerHandshake() {
        TLSConfiguration serverConfig = TLSConfiguration.server().signingChainSelector(request -> null).build();
        TLSConnection client = new TLSConnection(Configs.clientTrusting(EC).build(), "localhost");
        assertThatThrownBy(() -> MemoryPipe.handshake(client, new TLSConnection(serverConfig)))
                .isInstanceOf(HandshakeFailure.class);
    }

    @Test
    void applicationProtocolSelectorDecidesLikeTheJsseOne() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(EC).alpn("h2", "http/1.1").build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(EC).build(), ConnectionOptions.builder()
                .applicationProtocolSelector(offered -> offered.get(offered.size() - 1)).build());
        MemoryPipe.handshake(client, server);
        assertThat(client.nconfig().alpn()).isEqualTo("http/1.1");

        TLSConnection none = new TLSConnection(Configs.clientTrusting(EC).alpn("h2").build(), "localhost");
        TLSConnection declining = new TLSConnection(Configs.server(EC).build(),
                ConnectionOptions.builder().applicationProtocolSelector(offered -> "").build());
        MemoryPipe.handshake(none, declining);
        assertThat(none.nconfig().alpn()).isNull();

        TLSConnection refused = new TLSConnection(Configs.clientTrusting(EC).alpn("h2").build(), "localhost");
        TLSConnection refusing = new TLSConnection(Configs.server(EC).build(),
                ConnectionOptions.builder().applicationProtocolSelector(offered -> null).build());
        assertThatThrownBy(() -> MemoryPipe.handshake(refused, refusing)).isInstanceOf(NoApplicationProtocol.class);
    }
}
