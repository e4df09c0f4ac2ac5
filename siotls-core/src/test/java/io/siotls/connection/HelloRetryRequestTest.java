package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.messages.ServerHello;
import io.siotls.wire.TLSReader;
import org.junit.jupiter.api.Test;

/** HelloRetryRequest (RFC 8446 §4.1.4) between our client and our server. */
class HelloRetryRequestTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @Test
    void clientWhoseShareTheServerDoesNotWantStillConnects() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP384R1).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] retry = server.dataToSend();
        byte[] fragment = Records.firstFragment(retry);
        assertThat(ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4)).isHelloRetryRequest()).isTrue();
        client.receiveData(retry);
        for (int round = 0; round < 4; round++) {
            MemoryPipe.transfer(client, server);
            MemoryPipe.transfer(server, client);
        }
        assertThat(client.isConnected()).isTrue();
        assertThat(server.isConnected()).isTrue();
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        client.sendData(new byte[] {42});
        MemoryPipe.transfer(client, server);
        assertThat(server.dataToRead()).containsExactly(42);
    }

    @Test
    void noGroupInCommonIsHandshakeFailure() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP384R1).build());
        client.initiateConnection();
        server.initiateConnection();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.receiveData(client.dataToSend()))
                .isInstanceOf(io.siotls.alerts.HandshakeFailure.class)
                .hasMessageContaining("no key exchange group in common");
    }

    @Test
    void preferredGroupWithoutShareIsNotWorthARoundTrip() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP256R1, NamedGroup.X25519).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
    }

    /** Runs our client's first ClientHello into a server that asks for secp384r1, returns both. */
    private static TLSConnection[] afterRetry() {
        return afterRetry(false);
    }

    private static TLSConnection[] afterRetry(boolean cookie) {
        TLSConnection[] pair = retryAsked(cookie);
        pair[0].receiveData(pair[1].dataToSend());
        return pair;
    }

    /**
     * A client offering an X25519 share, and a server (sending a cookie if {@code cookie}) that
     * wants secp384r1 and has read the client's first hello: its HelloRetryRequest is to send.
     */
    private static TLSConnection[] retryAsked(boolean cookie) {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).keyExchanges(NamedGroup.SECP384R1)
                .helloRetryCookie(cookie).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        return new TLSConnection[] {client, server};
    }

    /**
     * After a retry (with a cookie if {@code cookie}), the client's second ClientHello with its
     * extensions changed by {@code change} is refused by the server with illegal_parameter
     * saying {@code message}.
     */
    private static void assertChangedSecondHelloIsIllegalParameter(boolean cookie, String message,
            java.util.function.UnaryOperator<java.util.List<io.siotls.extensions.Extension>> change) {
        TLSConnection[] pair = afterRetry(cookie);
        byte[] record = withExtensions(secondHello(pair[0]), change);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pair[1].receiveData(record))
                .isInstanceOf(io.siotls.alerts.IllegalParameter.class)
                .hasMessageContaining(message);
    }

    private static io.siotls.messages.ClientHello secondHello(TLSConnection client) {
        byte[] output = client.dataToSend();
        byte[] afterChangeCipherSpec = Records.afterFirst(output);
        byte[] fragment = Records.firstFragment(afterChangeCipherSpec);
        return io.siotls.messages.ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    private static byte[] withExtensions(io.siotls.messages.ClientHello hello,
            java.util.function.UnaryOperator<java.util.List<io.siotls.extensions.Extension>> change) {
        java.util.List<io.siotls.extensions.Extension> extensions = change.apply(
                new java.util.ArrayList<>(hello.extensions().list()));
        return Records.handshake(new io.siotls.messages.ClientHello(hello.legacyVersion(), hello.random(),
                hello.legacySessionId(), hello.cipherSuites(), hello.legacyCompressionMethods(),
                io.siotls.extensions.ExtensionBlock.of(extensions)));
    }

    @Test
    void aRetryCarriesACookieOnlyWhenConfigured() {
        for (boolean cookie : new boolean[] {false, true}) {
            TLSConnection server = retryAsked(cookie)[1];
            byte[] fragment = Records.firstFragment(server.dataToSend());
            ServerHello retry = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
            assertThat(retry.isHelloRetryRequest()).isTrue();
            assertThat(retry.extensions().contains(io.siotls.iana.ExtensionType.COOKIE)).isEqualTo(cookie);
        }
    }

    @Test
    void aCookieTheRetryDidNotSendIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(false, "carries a cookie the HelloRetryRequest did not send", e -> {
            e.add(new io.siotls.extensions.CookieExtension(new byte[] {1, 2, 3}));
            return e;
        });
    }

    @Test
    void secondClientHelloWithItsExtensionsReorderedIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(false, "changed its extensions or their order", e -> {
            java.util.Collections.reverse(e);
            return e;
        });
    }

    @Test
    void secondClientHelloChangingAnExtensionsContentIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(false, "changed its signature_algorithms extension", e -> {
            e.replaceAll(x -> x.typeCode() == io.siotls.iana.ExtensionType.SIGNATURE_ALGORITHMS.code()
                    ? io.siotls.extensions.SignatureAlgorithmsExtension.forHandshake(java.util.List.of(
                            io.siotls.iana.SignatureScheme.ECDSA_SECP256R1_SHA256.code()))
                    : x);
            return e;
        });
    }

    @Test
    void secondClientHelloWithoutTheCookieIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(true, "does not echo the HelloRetryRequest's cookie", e -> {
            e.removeIf(x -> x.typeCode() == io.siotls.iana.ExtensionType.COOKIE.code());
            return e;
        });
    }

    @Test
    void secondClientHelloChangingAnotherExtensionIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(false, "changed its extensions or their order", e -> {
            e.add(new io.siotls.extensions.ALPNExtension(java.util.List.of("h2")));
            return e;
        });
    }

    @Test
    void secondClientHelloWithTheWrongShareIsIllegalParameter() {
        assertChangedSecondHelloIsIllegalParameter(false, "exactly one key share, for secp384r1", e -> {
            e.replaceAll(x -> x.typeCode() == io.siotls.iana.ExtensionType.KEY_SHARE.code()
                    ? io.siotls.extensions.KeyShareExtension.clientShares(java.util.List.of(
                            new io.siotls.extensions.KeyShareEntry(NamedGroup.X25519.code(), new byte[32])))
                    : x);
            return e;
        });
    }

    @Test
    void aSecondHelloRetryRequestIsUnexpectedMessage() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1, NamedGroup.SECP256R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).keyExchanges(NamedGroup.SECP384R1).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] retry = server.dataToSend();
        byte[] retryRecord = java.util.Arrays.copyOf(retry, 5 + ((retry[3] & 0xff) << 8 | (retry[4] & 0xff)));
        client.receiveData(retry);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.receiveData(retryRecord))
                .isInstanceOf(io.siotls.alerts.UnexpectedMessage.class)
                .hasMessageContaining("second HelloRetryRequest");
    }
}
